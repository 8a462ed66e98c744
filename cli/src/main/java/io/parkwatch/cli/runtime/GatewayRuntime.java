package io.parkwatch.cli.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.parkwatch.transport.kafka.KafkaConnection;
import io.parkwatch.transport.kafka.KafkaReachability;
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
import io.parkwatch.ingest.jt808.Jt808Format;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import io.parkwatch.ingest.mqtt.PahoIngestSubscriber;
import io.parkwatch.ingest.publish.KafkaReadingPublisher;
import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.infra.net.PortInUseException;
import io.parkwatch.ingest.gateway.SessionChain;
import io.parkwatch.ingest.hj212.tcp.Hj212Passwords;
import io.parkwatch.ingest.hj212.tcp.Hj212TcpListener;
import io.parkwatch.ingest.hj212.tcp.Hj212TcpSettings;
import io.parkwatch.ingest.jt808.tcp.Jt808Listener;
import java.io.IOException;
import java.net.BindException;
import io.parkwatch.transport.health.Health;
import io.parkwatch.transport.health.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the MQTT→Kafka gateway: subscriber → message chain → Kafka publishers, feedback over MQTT;
 * and the TCP listeners of field equipment, whose sessions share the chain's steps and publishers.
 */
public final class GatewayRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayRuntime.class);

    /**
     * Messages in flight with none done for this long wait on Kafka: not ready. Longer than the
     * HJ 212 split window (60 s by default), during which held parts stay in flight by design.
     */
    static final Duration STALL_BOUND = Duration.ofSeconds(90);

    private final KafkaReadingPublisher readings;
    private final KafkaRejectionPublisher rejections;
    private final ScheduledExecutorService retries;
    private final List<PahoIngestSubscriber> subscribers = new ArrayList<>();
    private final List<AutoCloseable> listeners = new ArrayList<>();
    private final PointDirectory directory;
    private final MeterRegistry meters;
    private final SessionChain sessions;
    private final KafkaReachability kafkaReachable;
    /** The MQTT chain; null when the gateway takes field equipment over TCP only. */
    private final MessageGateway gateway;
    private volatile boolean running = true;

    private GatewayRuntime(KafkaConnection kafka, MqttSubscriptionSettings mqtt, PointDirectory directory, MeterRegistry meters,
                           Clock clock, Hj212Settings hj212) throws MqttException {
        this.readings = KafkaReadingPublisher.create(kafka, Topics.READINGS);
        this.rejections = KafkaRejectionPublisher.create(kafka, "parkwatch-gateway-rejected", Topics.REJECTED);
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "gateway-retry"));
        List<MqttAsyncClient> clients = new ArrayList<>();
        for (int i = 0; mqtt != null && i < mqtt.connections(); i++) {
            clients.add(PahoIngestSubscriber.client(mqtt.connection(i)));
        }
        // One chain for all connections (it is thread-safe); feedback goes out on the first.
        GatewayMetrics metrics = new GatewayMetrics(meters);
        this.gateway = clients.isEmpty() ? null : new MessageGateway(directory, formats(directory, hj212), readings,
            rejections, new PahoFeedbackPublisher(clients.get(0), meters), metrics, GatewaySettings.DEFAULTS,
            clock, retries, () -> running);
        // Device sessions hold split HJ 212 packets always: no broker waits on a TCP connection.
        this.sessions = new SessionChain(directory, formats(directory, Hj212Settings.holdingParts()), readings,
            rejections, metrics, GatewaySettings.DEFAULTS, clock, retries, () -> running);
        this.directory = directory;
        this.meters = meters;
        this.kafkaReachable = KafkaReachability.of(kafka, "parkwatch-gateway-health", clock);
        for (int i = 0; i < clients.size(); i++) {
            subscribers.add(new PahoIngestSubscriber(mqtt.connection(i), clients.get(i), gateway, retries, meters,
                clock));
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

    /**
     * With the given treatment of split HJ 212 packets (holding separately sent parts needs a
     * suitable broker). Without {@code mqtt} (null) the gateway subscribes to no broker and takes
     * field equipment over TCP only, through {@link #listenHj212} and {@link #listenJt808}.
     */
    public static GatewayRuntime start(String kafka, MqttSubscriptionSettings mqtt, PointDirectory directory,
                                       MeterRegistry meters, Clock clock, Hj212Settings hj212) throws MqttException {
        return start(KafkaConnection.to(kafka), mqtt, directory, meters, clock, hj212);
    }

    /** {@link #start(String, MqttSubscriptionSettings, PointDirectory, MeterRegistry, Clock, Hj212Settings)} on a connection. */
    public static GatewayRuntime start(KafkaConnection kafka, MqttSubscriptionSettings mqtt, PointDirectory directory,
                                       MeterRegistry meters, Clock clock, Hj212Settings hj212) throws MqttException {
        GatewayRuntime runtime = new GatewayRuntime(kafka, mqtt, directory, meters, clock, hj212);
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

    /**
     * Listens for HJ 212 data loggers over TCP; stopped with the gateway.
     *
     * @param portFlag the option that chose the port, named when the port is taken
     */
    public Hj212TcpListener listenHj212(Hj212TcpSettings settings, Hj212Passwords passwords, String portFlag)
            throws IOException {
        try {
            Hj212TcpListener listener = Hj212TcpListener.start(settings, passwords, directory, sessions, sessions,
                meters);
            listeners.add(listener);
            return listener;
        } catch (BindException e) {
            throw new PortInUseException(settings.host(), settings.port(), portFlag);
        }
    }

    /**
     * Takes JT/T 808 vehicle terminals over TCP; stopped with the gateway.
     *
     * @param portFlag the option that chose the port, named when the port is taken
     */
    public Jt808Listener listenJt808(Jt808Endpoint terminals, String portFlag, Clock clock) throws InterruptedException {
        try {
            Jt808Listener listener = Jt808Listener.start(terminals.settings(), directory, sessions, sessions,
                terminals.codes(), meters, clock);
            listeners.add(listener);
            return listener;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof BindException || e instanceof PortInUseException) {
                throw new PortInUseException(terminals.settings().host(), terminals.settings().port(), portFlag);
            }
            throw e;
        }
    }

    /**
     * Ready needs every connection connected and subscribed, Kafka sends not failing (a send fails
     * only once the producer's own retries gave up, after its delivery timeout: any failure is
     * already a long outage, so the cluster answering is checked apart), and messages in flight
     * making progress.
     */
    public void registerHealth(Health health) {
        health.addReady(kafkaReachable);
        if (gateway != null) {
            health.addReady(HealthCheck.of("mqtt.connection", () -> all(PahoIngestSubscriber::connection)));
            health.addReady(HealthCheck.of("mqtt.subscription", () -> all(PahoIngestSubscriber::subscription)));
            health.addReady(gateway.kafkaSends().check("kafka.producer", "Kafka sends", Duration.ZERO));
            health.addReady(HealthCheck.of("ingest.progress", () -> all(s -> s.progress(STALL_BOUND))));
        }
        health.addReady(sessions.kafkaSends().check("kafka.producer.sessions",
            "Kafka sends of the TCP sessions (HJ 212 loggers, JT/T 808 terminals)", Duration.ZERO));
    }

    /** Up when every connection's verdict is; the detail names the ones down, else all. */
    private HealthCheck.Verdict all(Function<PahoIngestSubscriber, HealthCheck.Verdict> verdictOf) {
        List<String> down = new ArrayList<>();
        List<String> up = new ArrayList<>();
        for (PahoIngestSubscriber subscriber : subscribers) {
            HealthCheck.Verdict verdict = verdictOf.apply(subscriber);
            (verdict.up() ? up : down).add(verdict.detail());
        }
        return down.isEmpty() ? HealthCheck.Verdict.up(String.join("; ", up))
            : HealthCheck.Verdict.down(String.join("; ", down));
    }

    /**
     * Stops taking messages first; unacknowledged ones stay with the broker for the next start, and
     * unanswered reports with their loggers and terminals, which resend them.
     */
    @Override
    public void close() {
        for (AutoCloseable listener : listeners) {
            try {
                listener.close();
            } catch (Exception e) {
                LOG.warn("stopping a TCP listener failed: {}", e.toString());
            }
        }
        subscribers.forEach(PahoIngestSubscriber::close);
        running = false;
        retries.shutdownNow();
        readings.close();
        rejections.close();
        kafkaReachable.close();
    }
}
