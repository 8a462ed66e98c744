package io.parkwatch.cli.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.parkwatch.contracts.rejection.KafkaRejectionPublisher;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.ingest.directory.PointDirectory;
import io.parkwatch.ingest.gateway.GatewayMetrics;
import io.parkwatch.ingest.gateway.GatewaySettings;
import io.parkwatch.ingest.gateway.MessageGateway;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import io.parkwatch.ingest.mqtt.PahoIngestSubscriber;
import io.parkwatch.ingest.publish.KafkaReadingPublisher;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.paho.mqttv5.common.MqttException;

/** Wires the MQTT→Kafka gateway: subscriber → message chain → Kafka publishers. */
public final class GatewayRuntime implements AutoCloseable {

    private final KafkaReadingPublisher readings;
    private final KafkaRejectionPublisher rejections;
    private final ScheduledExecutorService retries;
    private final PahoIngestSubscriber subscriber;
    private volatile boolean running = true;

    private GatewayRuntime(String kafka, MqttSubscriptionSettings mqtt, PointDirectory directory, MeterRegistry meters,
                           Clock clock) throws MqttException {
        this.readings = KafkaReadingPublisher.create(kafka, Topics.READINGS);
        this.rejections = KafkaRejectionPublisher.create(kafka, "parkwatch-gateway-rejected", Topics.REJECTED);
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "gateway-retry"));
        MessageGateway gateway = new MessageGateway(directory, readings, rejections, new GatewayMetrics(meters),
            GatewaySettings.DEFAULTS, clock, retries, () -> running);
        this.subscriber = new PahoIngestSubscriber(mqtt, gateway);
    }

    public static GatewayRuntime start(String kafka, MqttSubscriptionSettings mqtt, PointDirectory directory,
                                       MeterRegistry meters, Clock clock) throws MqttException {
        GatewayRuntime runtime = new GatewayRuntime(kafka, mqtt, directory, meters, clock);
        try {
            runtime.subscriber.start();
        } catch (MqttException | RuntimeException e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    /** Stops taking messages first; unacknowledged ones stay with the broker for the next start. */
    @Override
    public void close() {
        subscriber.close();
        running = false;
        retries.shutdownNow();
        readings.close();
        rejections.close();
    }
}
