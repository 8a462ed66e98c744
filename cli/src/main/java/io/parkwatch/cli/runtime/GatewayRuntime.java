package io.parkwatch.cli.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.parkwatch.transport.kafka.KafkaRejectionPublisher;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.ingest.directory.PointDirectory;
import io.parkwatch.ingest.feedback.PahoFeedbackPublisher;
import io.parkwatch.ingest.gateway.GatewayMetrics;
import io.parkwatch.ingest.gateway.GatewaySettings;
import io.parkwatch.ingest.gateway.MessageGateway;
import io.parkwatch.ingest.format.PayloadFormat;
import io.parkwatch.ingest.hj212.Hj212Format;
import io.parkwatch.ingest.hj212.Hj212Settings;
import io.parkwatch.ingest.json.JsonPointFormat;
import io.parkwatch.ingest.format.SessionGateway;
import io.parkwatch.ingest.jt808.Jt808Format;
import io.parkwatch.ingest.jt808.tcp.Jt808Listener;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import io.parkwatch.ingest.mqtt.PahoIngestSubscriber;
import io.parkwatch.ingest.publish.KafkaReadingPublisher;
import io.parkwatch.ingest.format.PayloadKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;

/** Wires the MQTT→Kafka gateway: subscriber → message chain → Kafka publishers, feedback over MQTT. */
public final class GatewayRuntime implements AutoCloseable {

    private final KafkaReadingPublisher readings;
    private final KafkaRejectionPublisher rejections;
    private final ScheduledExecutorService retries;
    private final List<PahoIngestSubscriber> subscribers = new ArrayList<>();
    private final Jt808Listener jt808;
    private volatile boolean running = true;

    private GatewayRuntime(String kafka, MqttSubscriptionSettings mqtt, PointDirectory directory, MeterRegistry meters,
                           Clock clock, Hj212Settings hj212, Jt808Endpoint terminals)
            throws MqttException, InterruptedException {
        this.readings = KafkaReadingPublisher.create(kafka, Topics.READINGS);
        this.rejections = KafkaRejectionPublisher.create(kafka, "parkwatch-gateway-rejected", Topics.REJECTED);
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "gateway-retry"));
        List<MqttAsyncClient> clients = new ArrayList<>();
        for (int i = 0; i < mqtt.connections(); i++) {
            clients.add(PahoIngestSubscriber.client(mqtt.connection(i)));
        }
        // One chain for all connections (it is thread-safe); feedback goes out on the first.
        MessageGateway gateway = new MessageGateway(directory, formats(directory, hj212), readings, rejections,
            new PahoFeedbackPublisher(clients.get(0), meters), new GatewayMetrics(meters), GatewaySettings.DEFAULTS,
            clock, retries, () -> running);
        for (int i = 0; i < clients.size(); i++) {
            subscribers.add(new PahoIngestSubscriber(mqtt.connection(i), clients.get(i), gateway));
        }
        this.jt808 = terminals == null ? null : startJt808(terminals, directory, meters, clock);
    }

    private Jt808Listener startJt808(Jt808Endpoint terminals, PointDirectory directory, MeterRegistry meters,
                                     Clock clock) throws InterruptedException {
        try {
            // COORDINATOR (issue 16): pass the gateway's SessionGateway here (the HJ 212 TCP branch's SessionChain).
            SessionGateway sessions = null;
            if (sessions == null) {
                throw new IllegalStateException("--jt808-port: this build's gateway has no SessionGateway for device "
                    + "sessions: its chain takes MQTT messages only");
            }
            return Jt808Listener.start(terminals.settings(), directory, sessions, terminals.codes(), meters, clock);
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
    }

    private static Map<PayloadKind, PayloadFormat> formats(PointDirectory directory, Hj212Settings hj212) {
        return Map.of(PayloadKind.JSON, new JsonPointFormat(directory),
            PayloadKind.HJ212, new Hj212Format(directory, GatewaySettings.DEFAULTS.units(), hj212),
            PayloadKind.JT808, new Jt808Format(directory));
    }

    public static GatewayRuntime start(String kafka, MqttSubscriptionSettings mqtt, PointDirectory directory,
                                       MeterRegistry meters, Clock clock) throws MqttException {
        return start(kafka, mqtt, directory, meters, clock, Hj212Settings.DEFAULTS);
    }

    public static GatewayRuntime start(String kafka, MqttSubscriptionSettings mqtt, PointDirectory directory,
                                       MeterRegistry meters, Clock clock, Hj212Settings hj212) throws MqttException {
        try {
            return start(kafka, mqtt, directory, meters, clock, hj212, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the gateway", e);
        }
    }

    /**
     * With the given treatment of split HJ 212 packets (holding separately sent parts needs a
     * suitable broker) and, unless {@code terminals} is null, a JT/T 808 listener.
     */
    public static GatewayRuntime start(String kafka, MqttSubscriptionSettings mqtt, PointDirectory directory,
                                       MeterRegistry meters, Clock clock, Hj212Settings hj212, Jt808Endpoint terminals)
            throws MqttException, InterruptedException {
        GatewayRuntime runtime = new GatewayRuntime(kafka, mqtt, directory, meters, clock, hj212, terminals);
        try {
            for (PahoIngestSubscriber subscriber : runtime.subscribers) {
                subscriber.start();
            }
        } catch (MqttException | RuntimeException e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    /** The port JT/T 808 terminals connect to, when the listener runs. */
    public OptionalInt jt808Port() {
        return jt808 == null ? OptionalInt.empty() : OptionalInt.of(jt808.port());
    }

    /**
     * Stops taking messages first; unacknowledged ones stay with the broker for the next start, and
     * unanswered terminal reports with their terminals, which resend them.
     */
    @Override
    public void close() {
        Jt808Listener terminals = jt808;
        if (terminals != null) {
            terminals.close();
        }
        subscribers.forEach(PahoIngestSubscriber::close);
        running = false;
        retries.shutdownNow();
        readings.close();
        rejections.close();
    }
}
