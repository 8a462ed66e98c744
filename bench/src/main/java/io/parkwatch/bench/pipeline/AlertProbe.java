package io.parkwatch.bench.pipeline;

import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Reads {@code parkwatch.alerts.v1} as it is committed (read-committed, no fetch wait) and keeps,
 * for each RAISED combustible-gas alert of the load's park, the time from its first-seen instant
 * (the reading's {@code ts}, its publish time) to its arrival here.
 */
final class AlertProbe implements AutoCloseable {

    static final String RULE = "combustible-gas";

    /** One alert: when it arrived (epoch ms) and how long after its publish. */
    record Sample(long arrivedMillis, double latencyMillis) {
    }

    private final KafkaConsumer<String, AlertEvent> consumer;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Sample> samples = new ArrayList<>();

    AlertProbe(String bootstrap) {
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG, "bench-alert-probe-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5), Topics.ALERTS.keySerde().deserializer(),
            Topics.ALERTS.valueSerde().deserializer());
        consumer.subscribe(List.of(Topics.ALERTS.name()));
        this.thread = new Thread(this::poll, "bench-alert-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        while (running.get()) {
            for (ConsumerRecord<String, AlertEvent> record : consumer.poll(Duration.ofMillis(50))) {
                long now = System.currentTimeMillis();
                AlertEvent alert = record.value();
                if (alert != null && alert.type() == AlertEventType.RAISED && RULE.equals(alert.ruleId())
                    && FieldLoad.PARK.equals(alert.park())) {
                    add(new Sample(now, now - alert.firstSeen().toEpochMilli()));
                }
            }
        }
        consumer.close();
    }

    private synchronized void add(Sample sample) {
        samples.add(sample);
    }

    synchronized int count() {
        return samples.size();
    }

    /** Samples from index {@code from} on. */
    synchronized List<Sample> since(int from) {
        return List.copyOf(samples.subList(Math.min(from, samples.size()), samples.size()));
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
    }
}
