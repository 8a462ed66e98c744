package io.parkwatch.bench.crash;

import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Counts, per message id, the readings of one run that reach the readings topic, reading from
 * the topic's end as it was when the tally started.
 */
final class ReadingIdTally implements AutoCloseable {

    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread poller;

    ReadingIdTally(String kafka, String runPrefix) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        KafkaConsumer<String, Reading> consumer = new KafkaConsumer<>(props, Topics.READINGS.keySerde().deserializer(),
            Topics.READINGS.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.READINGS.name(), Duration.ofSeconds(30))
            .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.poller = new Thread(() -> poll(consumer, runPrefix), "reading-id-tally");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll(KafkaConsumer<String, Reading> consumer, String runPrefix) {
        try (consumer) {
            while (!stop.get()) {
                for (ConsumerRecord<String, Reading> record : consumer.poll(Duration.ofMillis(100))) {
                    String id = record.value().messageId();
                    if (id.startsWith(runPrefix)) {
                        counts.merge(id, 1, Integer::sum);
                    }
                }
            }
        }
    }

    /** Message ids seen at least once. */
    int distinct() {
        return counts.size();
    }

    boolean contains(String messageId) {
        return counts.containsKey(messageId);
    }

    /** Records beyond the first of each message id. */
    long duplicates() {
        return counts.values().stream().mapToLong(count -> count - 1).sum();
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        poller.join(10_000);
    }
}
