package io.parkwatch.simulator.tcp;

import io.parkwatch.contracts.registry.PointEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated field equipment on TCP: HJ 212 data loggers by MN, JT/T 808 terminals by terminal
 * number, each on its own connection to the gateway's listener. Add them all, then
 * {@link #start()}; {@link #finish(Duration)} lets them settle what they hold before closing.
 */
public final class FieldClients implements AutoCloseable {

    private final TcpClientSettings settings;
    private final FieldCounters counters = new FieldCounters();
    private final AnswerListener listener;
    private final Map<String, EquipmentClient> loggers = new LinkedHashMap<>();
    private final Map<String, EquipmentClient> terminals = new LinkedHashMap<>();

    public FieldClients(TcpClientSettings settings, AnswerListener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    /** A logger of MN {@code mn} sending with password {@code password} to {@code address}. */
    public void addLogger(String mn, String password, TcpAddress address) {
        loggers.putIfAbsent(mn, new LoggerClient(mn, password, address, settings, counters, listener));
    }

    /** A terminal of number {@code terminal} (12 digits) connecting to {@code address}. */
    public void addTerminal(String terminal, TcpAddress address) {
        terminals.putIfAbsent(terminal, new TerminalClient(terminal, address, settings, counters, listener));
    }

    /** Whether the simulator plays {@code point} as field equipment (a logger or a terminal) when on TCP. */
    public static boolean onTcp(PointEntry point) {
        return point.isVehicle() || point.hj212Mn() != null;
    }

    public void start() {
        all().forEach(EquipmentClient::start);
    }

    /** Queues an HJ 212 packet for logger {@code mn}; false (counted as dropped) when it cannot take it. */
    public boolean sendHj212(String mn, Delivery delivery) {
        return send(loggers.get(mn), delivery);
    }

    /** Queues a JT/T 808 frame for terminal {@code terminal}; false (counted as dropped) when it cannot take it. */
    public boolean sendJt808(String terminal, Delivery delivery) {
        return send(terminals.get(terminal), delivery);
    }

    private boolean send(EquipmentClient client, Delivery delivery) {
        if (client == null) {
            throw new IllegalArgumentException("no simulated equipment for " + delivery.key());
        }
        return client.offer(delivery);
    }

    public FieldCounters.Counts counts() {
        return counters.counts();
    }

    public int devices() {
        return loggers.size() + terminals.size();
    }

    /** Devices that had a report accepted after {@code sinceNanos} ({@link System#nanoTime()}). */
    public int acceptedSince(long sinceNanos) {
        return (int) all().stream().filter(c -> c.lastAcceptedNanos() - sinceNanos > 0).count();
    }

    /** Takes no more reports and waits up to {@code timeout} for those queued to settle; true if all did. */
    public boolean finish(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean settled = true;
            for (EquipmentClient client : all()) {
                settled &= client.finish();
            }
            if (settled) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        all().parallelStream().forEach(EquipmentClient::close);
    }

    private List<EquipmentClient> all() {
        List<EquipmentClient> all = new ArrayList<>(loggers.values());
        all.addAll(terminals.values());
        return all;
    }
}
