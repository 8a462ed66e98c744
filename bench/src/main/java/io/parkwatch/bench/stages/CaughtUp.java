package io.parkwatch.bench.stages;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until a topic holds a number of records and a consumer group has committed all of them:
 * a measurement that starts while the warm-up is still queued would time the backlog instead.
 */
final class CaughtUp {

    private CaughtUp() {
    }

    /** @return whether it caught up before {@code timeout} */
    static boolean await(String bootstrap, String topic, long records, String group, Duration timeout)
            throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<TopicPartition> partitions = Set.copyOf(admin.describeTopics(Set.of(topic)).allTopicNames().get()
                .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList());
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                long end = 0;
                long lag = 0;
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
                for (var entry : admin.listOffsets(latest).all().get().entrySet()) {
                    end += entry.getValue().offset();
                    OffsetAndMetadata at = committed.get(entry.getKey());
                    lag += entry.getValue().offset() - (at == null ? 0 : at.offset());
                }
                // Transaction markers take offsets too: the end is at least the records, and
                // nothing is left to the group once its committed offsets reach the end.
                if (end >= records && lag <= 0) {
                    return true;
                }
                Thread.sleep(250);
            }
            return false;
        }
    }
}
