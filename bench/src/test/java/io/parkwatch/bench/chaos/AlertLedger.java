package io.parkwatch.bench.chaos;

import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Every alert event of the run, read from {@code parkwatch.alerts.v1} as committed (read-committed,
 * from the beginning of a fresh broker): which alerts are open, and how often an alert was RAISED
 * while it was already open. A data gap's id is its point's, so a gap that closed and opened again is
 * raised twice legitimately; raised while open never is.
 */
final class AlertLedger implements AutoCloseable {

    private final Map<String, Boolean> open = new HashMap<>();
    private final Map<String, Integer> raised = new HashMap<>();
    private final Map<String, AlertEvent> last = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;
    private int raisedWhileOpen;
    private long events;

    AlertLedger(String kafka) {
        KafkaConsumer<String, AlertEvent> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
            ConsumerConfig.GROUP_ID_CONFIG, "chaos-alert-ledger-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
            Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer());
        consumer.subscribe(List.of(Topics.ALERTS.name()));
        this.poller = new Thread(() -> poll(consumer), "chaos-alert-ledger");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll(KafkaConsumer<String, AlertEvent> consumer) {
        try (consumer) {
            while (running.get()) {
                for (ConsumerRecord<String, AlertEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        add(record.value());
                    }
                }
            }
        }
    }

    private synchronized void add(AlertEvent event) {
        events++;
        last.put(event.alertId(), event);
        if (event.type() == AlertEventType.RAISED) {
            raised.merge(event.alertId(), 1, Integer::sum);
            if (Boolean.TRUE.equals(open.put(event.alertId(), true))) {
                raisedWhileOpen++;
            }
        } else if (event.type() == AlertEventType.CLEARED) {
            open.put(event.alertId(), false);
        }
    }

    synchronized long events() {
        return events;
    }

    /** RAISED events of an alert that was open already: each a duplicate alert. */
    synchronized int raisedWhileOpen() {
        return raisedWhileOpen;
    }

    /** The alerts of {@code rule} on {@code pointKey}, by id, with how often each was raised. */
    synchronized Map<String, Integer> raisedOf(String rule, String pointKey) {
        Map<String, Integer> result = new HashMap<>();
        last.forEach((id, event) -> {
            if (rule.equals(event.ruleId()) && pointKey.equals(event.pointKey())) {
                result.put(id, raised.getOrDefault(id, 0));
            }
        });
        return result;
    }

    synchronized boolean isOpen(String alertId) {
        return Boolean.TRUE.equals(open.get(alertId));
    }

    synchronized Optional<AlertEvent> lastEvent(String alertId) {
        return Optional.ofNullable(last.get(alertId));
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        poller.join(10_000);
    }
}
