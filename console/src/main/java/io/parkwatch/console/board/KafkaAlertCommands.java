package io.parkwatch.console.board;

import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.transport.kafka.DurableProducerSettings;
import io.parkwatch.transport.kafka.KafkaConnection;
import io.parkwatch.transport.kafka.KafkaSends;
import io.parkwatch.contracts.topics.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes commands to {@code parkwatch.alert-commands.v1}, keyed by alert id, acks=all. */
public final class KafkaAlertCommands implements AlertCommands, AutoCloseable {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProducer<String, AlertCommand> producer;

    /** The time-outs below bound an operator's wait for an answer; they win over the connection's properties. */
    public KafkaAlertCommands(KafkaConnection kafka) {
        Map<String, Object> config = DurableProducerSettings.of(kafka, "parkwatch-alert-commands");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis() - 1_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        this.producer = new KafkaProducer<>(config, Topics.ALERT_COMMANDS.keySerde().serializer(),
            Topics.ALERT_COMMANDS.valueSerde().serializer());
    }

    @Override
    public void send(AlertCommand command) throws CommandNotSentException {
        try {
            KafkaSends.send(producer, new ProducerRecord<>(Topics.ALERT_COMMANDS.name(), command.alertId(), command))
                .get(SEND_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandNotSentException("interrupted while sending the command", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new CommandNotSentException("Kafka did not accept the command: " + e, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
