package io.parkwatch.simulator.mqtt;

import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.simulator.park.SimulatedPark;
import io.parkwatch.simulator.park.SimulatedPoint;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a park: every reporting point publishes its JSON reading at its expected interval,
 * divided by {@code speedUp}, over its enterprise's own MQTT connection.
 */
public final class ParkSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ParkSimulator.class);

    private final SimulatedPark park;
    private final Clock clock;
    private final double speedUp;
    private final Random random;
    private final Map<String, EnterpriseConnection> connections = new HashMap<>();
    private final Map<SimulatedPoint, Instant> nextDue = new HashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
        runnable -> new Thread(runnable, "park-simulator"));

    public ParkSimulator(SimulatedPark park, Clock clock, double speedUp) {
        if (!(speedUp > 0)) {
            throw new IllegalArgumentException("speedUp must be positive: " + speedUp);
        }
        this.park = park;
        this.clock = clock;
        this.speedUp = speedUp;
        this.random = new Random(park.seed());
    }

    /** Connects every reporting enterprise and starts publishing. */
    public void start(String serverUri, Function<String, SenderCredentials> credentialsOfEnterprise)
            throws MqttException {
        for (String enterprise : park.reportingEnterprises()) {
            connections.put(enterprise, new EnterpriseConnection(serverUri, "sim-" + park.id() + "-" + enterprise,
                credentialsOfEnterprise.apply(enterprise), acknowledged, failed));
        }
        for (EnterpriseConnection connection : connections.values()) {
            connection.awaitConnected();
        }
        Instant now = clock.instant();
        park.reportingPoints().forEach(point -> nextDue.put(point, now));
        ticker.scheduleAtFixedRate(this::tick, 0, 200, TimeUnit.MILLISECONDS);
        LOG.info("simulating park {}: {} enterprises reporting, {} silent, {} points", park.id(),
            connections.size(), park.silentEnterprises().size(), nextDue.size());
    }

    public SimulatorStats stats() {
        return new SimulatorStats(sent.get(), acknowledged.get(), failed.get());
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            for (Map.Entry<SimulatedPoint, Instant> due : nextDue.entrySet()) {
                if (!due.getValue().isAfter(now)) {
                    publish(due.getKey(), now);
                    long intervalMillis = (long) (due.getKey().entry().expectedInterval().toMillis() / speedUp);
                    due.setValue(now.plusMillis(Math.max(intervalMillis, 1)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("simulator tick failed", e);
        }
    }

    private void publish(SimulatedPoint point, Instant at) throws InterruptedException {
        PointEntry entry = point.entry();
        String topic = "parks/" + entry.park() + "/enterprises/" + entry.enterprise() + "/points/" + entry.id();
        String payload = String.format(Locale.ROOT, "{\"metric\":\"%s\",\"value\":%s,\"unit\":\"%s\",\"ts\":%d}",
            point.metric(), point.signal().valueAt(at, random), point.unit(), at.toEpochMilli());
        connections.get(entry.enterprise()).publish(topic, payload.getBytes(StandardCharsets.UTF_8));
        sent.incrementAndGet();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.values().forEach(EnterpriseConnection::close);
        LOG.info("simulator stopped: {}", stats());
    }
}
