package io.parkwatch.simulator.mqtt;

import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.simulator.scenario.Outgoing;
import io.parkwatch.simulator.scenario.Report;
import io.parkwatch.simulator.scenario.Scenario;
import io.parkwatch.simulator.tcp.Delivery;
import io.parkwatch.simulator.tcp.FieldClients;
import io.parkwatch.simulator.tcp.FieldCounters;
import io.parkwatch.simulator.truth.GroundTruth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a {@link Scenario} over MQTT (or its loggers and terminals over TCP, see {@link FieldClients}): its timeline runs with the wall clock from the start, each
 * message goes out when its time has come over its sender's own connection (one per enterprise
 * login, one per park fleet), at QoS 1, at most {@code rate} messages a second. A rate too low
 * for the scenario makes messages leave later than their time; their contents stay the same.
 */
public final class ParkSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ParkSimulator.class);
    private static final long TICK_MILLIS = 100;

    private final Scenario scenario;
    private final Instant timelineStart;
    private final Clock clock;
    private final double rate;
    private final Map<String, EnterpriseConnection> connections = new HashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
        runnable -> new Thread(runnable, "park-simulator"));
    private volatile FieldClients field;
    private volatile Instant wallStart;
    private volatile Instant reached;

    /**
     * @param timelineStart the scenario's start; the timeline reaches {@code timelineStart + t} after {@code t} of wall time
     * @param rate          messages per second at most; {@code 0} or less for no limit
     */
    public ParkSimulator(Scenario scenario, Instant timelineStart, Clock clock, double rate) {
        this.scenario = scenario;
        this.timelineStart = timelineStart;
        this.clock = clock;
        this.rate = rate;
        this.reached = timelineStart;
    }

    /** Connects every sender (login → credentials) and starts publishing. */
    public void start(String serverUri, Function<String, SenderCredentials> credentialsOfLogin) throws MqttException {
        start(serverUri, credentialsOfLogin, null);
    }

    /**
     * Starts with the HJ 212 loggers and JT/T 808 terminals on {@code field} (TCP, already
     * started); the JSON meters' logins connect to {@code serverUri}. Null {@code field}: all on MQTT.
     */
    public void start(String serverUri, Function<String, SenderCredentials> credentialsOfLogin, FieldClients field)
        throws MqttException {
        this.field = field;
        // Client ids of this process: a second simulator (e.g. beside the demo's own) does not take over its sessions.
        String suffix = "-" + ProcessHandle.current().pid();
        for (String login : mqttLogins(scenario, field != null)) {
            connections.put(login, new EnterpriseConnection(serverUri, "sim-" + login + suffix,
                credentialsOfLogin.apply(login),
                acknowledged, failed));
        }
        for (EnterpriseConnection connection : connections.values()) {
            connection.awaitConnected();
        }
        wallStart = clock.instant();
        ticker.scheduleWithFixedDelay(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("simulating {} points over {} logins", scenario.playedPoints(), connections.size());
    }

    /** The logins that publish over MQTT: all, or those of the JSON meters when the field equipment is on TCP. */
    public static List<String> mqttLogins(Scenario scenario, boolean fieldOnTcp) {
        return scenario.playedEntries().stream().filter(p -> !fieldOnTcp || !FieldClients.onTcp(p))
            .map(Report::loginOf).distinct().sorted().toList();
    }

    /** MQTT publishes and TCP reports together: acknowledged is PUBACKed or answered, failed the rest. */
    public SimulatorStats stats() {
        if (field == null) {
            return new SimulatorStats(sent.get(), acknowledged.get(), failed.get());
        }
        FieldCounters.Counts tcp = field.counts();
        return new SimulatorStats(sent.get(), acknowledged.get() + tcp.answered(),
            failed.get() + tcp.unanswered() + tcp.dropped());
    }

    public Scenario scenario() {
        return scenario;
    }

    /** How far the timeline has been played. */
    public Instant reached() {
        return reached;
    }

    /** The ground truth of what was sent so far. */
    public GroundTruth truth() {
        SimulatorStats stats = stats();
        return scenario.truth().snapshot(reached, stats.acknowledged(), stats.failed());
    }

    private void tick() {
        try {
            Duration elapsed = Duration.between(wallStart, clock.instant());
            Instant now = timelineStart.plus(elapsed);
            long budget = rate > 0 ? (long) (rate * (elapsed.toMillis() + TICK_MILLIS) / 1000.0) - sent.get()
                : Long.MAX_VALUE;
            while (budget-- > 0) {
                Optional<Outgoing> message = scenario.next(now);
                if (message.isEmpty()) {
                    reached = now;
                    return;
                }
                send(message.get());
                sent.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("simulator tick failed", e);
        }
    }

    private void send(Outgoing message) throws InterruptedException {
        Report report = message.report();
        if (field != null && report.format() == SourceFormat.HJ212) {
            field.sendHj212(report.point().hj212Mn(), new Delivery(message.payload(), String.valueOf(message.seq())));
        } else if (field != null && report.format() == SourceFormat.JT808) {
            field.sendJt808(report.point().jt808Terminal(), new Delivery(message.payload(),
                String.valueOf(message.seq())));
        } else {
            connections.get(message.login()).publish(message.topic(), message.payload());
        }
    }

    /** Stops sending; waits up to {@code timeout} for the broker to acknowledge, and the gateway to answer, what was sent. */
    public void drain(Duration timeout) throws InterruptedException {
        ticker.shutdown();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + timeout.toNanos();
        if (field != null) {
            field.finish(timeout);
        }
        while (acknowledged.get() + failed.get() < sent.get() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
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
        if (field != null) {
            field.close();
            LOG.info("loggers and terminals over TCP: {}", field.counts());
        }
        LOG.info("simulator stopped: {}", stats());
    }
}
