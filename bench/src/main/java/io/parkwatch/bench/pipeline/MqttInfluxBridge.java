package io.parkwatch.bench.pipeline;

import io.parkwatch.ingest.directory.PointDirectory;
import io.parkwatch.ingest.format.DecodedPayload;
import io.parkwatch.ingest.format.Observation;
import io.parkwatch.ingest.format.PayloadFormat;
import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.format.TopicAddress;
import io.parkwatch.ingest.gateway.GatewaySettings;
import io.parkwatch.ingest.hj212.Hj212Format;
import io.parkwatch.ingest.hj212.Hj212Settings;
import io.parkwatch.ingest.json.JsonPointFormat;
import io.parkwatch.ingest.jt808.Jt808Format;
import io.parkwatch.ingest.topic.TopicParser;
import io.parkwatch.transport.mqtt.NoDelaySocketFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * What a user would run instead of parkwatch: a minimal MQTT → InfluxDB bridge in the manner of
 * Telegraf's {@code mqtt_consumer} input with its InfluxDB output. One Paho connection in the
 * gateway's shared group, QoS 1 acknowledged on arrival (Paho's automatic acknowledgement, as
 * Telegraf does), each payload decoded by the gateway's own format decoders and nothing else (no
 * Kafka, no validation, no authorisation of the sender), its observations turned into the sink's
 * line protocol and written in batches of at most {@value #BATCH_POINTS} points or every
 * {@link #FLUSH_AFTER}, one write at a time, into a database of its own. A payload the decoders
 * refuse is counted and dropped, as Telegraf drops what its parser cannot read.
 */
final class MqttInfluxBridge implements AutoCloseable {

    /**
     * 5,000 lines is the sink's batch too; Telegraf's default of 1,000 would mean more, smaller
     * writes for the same points and only make the bridge slower.
     */
    static final int BATCH_POINTS = 5_000;
    /**
     * Telegraf's default 10 s flush would add up to 10 s to every step's time to its last point and
     * so understate the bridge; 1 s keeps that cost near the pipeline's own latency.
     */
    static final Duration FLUSH_AFTER = Duration.ofSeconds(1);
    /** As the gateway's connection: the broker's bound on unacknowledged deliveries. */
    static final int RECEIVE_MAXIMUM = 1000;
    /**
     * Bodies waiting for the writer. When they are all taken the MQTT thread waits, the broker
     * stops at the receive maximum and the publishers feel it: slower, never a dropped point
     * (Telegraf would drop the oldest beyond its metric_buffer_limit instead).
     */
    private static final int QUEUED_BATCHES = 4;
    private static final LineBatcher.Batch END = new LineBatcher.Batch("", 0);
    private static final long WAIT_MILLIS = 30_000;

    private final TopicParser topics = new TopicParser();
    private final Map<PayloadKind, PayloadFormat> formats;
    private final LineBatcher batcher = new LineBatcher(BATCH_POINTS, FLUSH_AFTER);
    private final BlockingQueue<LineBatcher.Batch> batches = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final BridgeWriter writer;
    private final MqttAsyncClient client;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
        r -> new Thread(r, "bridge-flush"));
    private final Thread writing;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicReference<String> firstRejection = new AtomicReference<>();

    private MqttInfluxBridge(PointDirectory directory, BridgeWriter writer, MqttAsyncClient client) {
        this.formats = Map.of(PayloadKind.JSON, new JsonPointFormat(directory),
            PayloadKind.HJ212, new Hj212Format(directory, GatewaySettings.DEFAULTS.units(), Hj212Settings.DEFAULTS),
            PayloadKind.JT808, new Jt808Format(directory));
        this.writer = writer;
        this.client = client;
        this.writing = new Thread(this::writeBatches, "bridge-writer");
    }

    /**
     * Creates the database, connects and subscribes to {@code subscription} (the gateway's shared
     * filter) as {@code username}; delivering once this returns.
     */
    static MqttInfluxBridge start(String mqtt, String username, char[] password, String subscription,
                                  PointDirectory directory, BridgeWriter writer) throws Exception {
        writer.createDatabase();
        MqttInfluxBridge bridge = new MqttInfluxBridge(directory, writer,
            new MqttAsyncClient(mqtt, "bench-bridge", new MemoryPersistence()));
        try {
            bridge.writing.start();
            bridge.ticker.scheduleWithFixedDelay(bridge::flushIfDue, 100, 100, TimeUnit.MILLISECONDS);
            bridge.connect(username, password, subscription);
        } catch (Exception e) {
            bridge.close();
            throw e;
        }
        return bridge;
    }

    private void connect(String username, char[] password, String subscription) throws MqttException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setReceiveMaximum(RECEIVE_MAXIMUM);
        options.setSocketFactory(new NoDelaySocketFactory());
        options.setUserName(username);
        options.setPassword(new String(password).getBytes(StandardCharsets.UTF_8));
        client.setCallback(new Arrivals());
        client.connect(options).waitForCompletion(WAIT_MILLIS);
        IMqttToken token = client.subscribe(subscription, 1);
        token.waitForCompletion(WAIT_MILLIS);
        int[] codes = token.getReasonCodes();
        if (codes != null && codes.length > 0 && codes[0] > 2) {
            throw new MqttException(codes[0]);
        }
    }

    /** Payloads taken from the broker. */
    long messages() {
        return messages.get();
    }

    /** Payloads the decoders refused (dropped). */
    long rejected() {
        return rejected.get();
    }

    /** The first refusal's reason, when there was one. */
    Optional<String> firstRejection() {
        return Optional.ofNullable(firstRejection.get());
    }

    BridgeWriter writer() {
        return writer;
    }

    /** On Paho's thread: decode, add each observation's line; a full batch waits for room in the queue. */
    private void take(String topic, byte[] payload) throws InterruptedException {
        messages.incrementAndGet();
        DecodedPayload decoded;
        try {
            TopicAddress address = topics.parse(topic);
            PayloadFormat format = formats.get(address.kind());
            if (format == null) {
                return;
            }
            decoded = format.decode(address, payload);
        } catch (RejectedInputException e) {
            refused(topic, e.reason() + ": " + e.detail());
            return;
        } catch (RuntimeException e) {
            // A decoder failure must not end Paho's connection: counted like a refusal, and reported.
            refused(topic, e.toString());
            return;
        }
        StringBuilder line = new StringBuilder(256);
        for (Observation o : decoded.observations()) {
            line.setLength(0);
            BridgeLines.append(line, decoded.point(), o);
            Optional<LineBatcher.Batch> full;
            synchronized (batcher) {
                full = batcher.add(line, System.nanoTime());
            }
            if (full.isPresent()) {
                batches.put(full.get());
            }
        }
    }

    private void refused(String topic, String why) {
        rejected.incrementAndGet();
        firstRejection.compareAndSet(null, topic + ": " + why);
    }

    private void flushIfDue() {
        Optional<LineBatcher.Batch> due;
        synchronized (batcher) {
            due = batcher.due(System.nanoTime());
        }
        try {
            if (due.isPresent()) {
                batches.put(due.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeBatches() {
        try {
            for (LineBatcher.Batch batch = batches.take(); batch != END; batch = batches.take()) {
                writer.write(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking, writes what is gathered, and waits for the writer. */
    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(WAIT_MILLIS);
            }
            client.close(true);
        } catch (MqttException e) {
            System.err.println("closing the bridge's MQTT client: " + e);
        }
        ticker.shutdownNow();
        try {
            Optional<LineBatcher.Batch> rest;
            synchronized (batcher) {
                rest = batcher.drain();
            }
            if (rest.isPresent()) {
                batches.put(rest.get());
            }
            if (writing.isAlive()) {
                batches.put(END);
                writing.join(WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Arrivals implements MqttCallback {

        @Override
        public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
            take(topic, message.getPayload());
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            System.err.println("bridge disconnected from the broker: " + response);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            System.err.println("bridge MQTT error: " + exception);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // The bridge publishes nothing.
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // Connected once; a lost connection shows as readings missing in the step's count.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication.
        }
    }
}
