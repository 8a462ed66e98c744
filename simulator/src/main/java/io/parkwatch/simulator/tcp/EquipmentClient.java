package io.parkwatch.simulator.tcp;

import io.parkwatch.simulator.tcp.AnswerListener.Outcome;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One piece of equipment on its own TCP connection and thread, as the device behaves: one report
 * at a time, sent, then its answer awaited; not answered in time, it is sent again, up to the
 * settings' attempts. When the connection breaks (the gateway restarts), it reconnects with
 * back-off, logs in again and sends the report it was on again; reports queued meanwhile wait.
 * A blocking socket per device keeps that rule readable as straight-line code.
 */
abstract class EquipmentClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EquipmentClient.class);
    private static final long STACK_BYTES = 256 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final long MAX_BACK_OFF_MILLIS = 2_000;

    protected final TcpAddress address;
    protected final TcpClientSettings settings;
    protected final FieldCounters counters;
    private final AnswerListener listener;
    private final BlockingQueue<Delivery> queue;
    private final Thread thread;
    private volatile boolean finishing;
    private volatile boolean closed;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile long lastAcceptedNanos;
    private volatile Socket socket;
    private long backOffMillis = 100;

    EquipmentClient(String name, TcpAddress address, TcpClientSettings settings, FieldCounters counters,
                    AnswerListener listener) {
        this.address = address;
        this.settings = settings;
        this.counters = counters;
        this.listener = listener;
        this.queue = new LinkedBlockingQueue<>(settings.queueLimit());
        this.thread = new Thread(null, this::run, "sim-tcp-" + name, STACK_BYTES);
        thread.setDaemon(true);
    }

    final void start() {
        thread.start();
    }

    /** Queues a report; false (and counted as dropped) when the queue is full. */
    final boolean offer(Delivery delivery) {
        pending.incrementAndGet();
        boolean queued = !finishing && queue.offer(delivery);
        if (!queued) {
            pending.decrementAndGet();
            counters.dropped.incrementAndGet();
        }
        return queued;
    }

    /** When this device last had a report accepted ({@link System#nanoTime()}), 0 if never. */
    final long lastAcceptedNanos() {
        return lastAcceptedNanos;
    }

    /** Takes no more reports; true once those queued are settled. */
    final boolean finish() {
        finishing = true;
        return pending.get() == 0;
    }

    /** Logs in on a fresh connection (a terminal registers and authenticates; a logger has nothing to do). */
    protected abstract void loggedIn(Socket connection) throws IOException;

    /** Sends the report once and waits until {@code deadlineNanos} for its answer; null when none came. */
    protected abstract Outcome exchange(Delivery delivery, long deadlineNanos) throws IOException;

    /** Called when the connection has been idle for the heartbeat interval. */
    protected void idle() throws IOException {
    }

    private void run() {
        while (!closed) {
            try {
                Delivery delivery = queue.poll(settings.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
                if (delivery == null) {
                    heartbeat();
                    continue;
                }
                try {
                    deliver(delivery);
                } finally {
                    pending.decrementAndGet();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void heartbeat() throws InterruptedException {
        if (socket == null || finishing) {
            return;
        }
        try {
            idle();
        } catch (IOException e) {
            disconnect(e);
        }
    }

    private void deliver(Delivery delivery) throws InterruptedException {
        int attempts = 0;
        while (!closed) {
            try {
                connected();
                counters.incrementSend(attempts++ == 0);
                Outcome outcome = exchange(delivery, System.nanoTime() + settings.answerTimeout().toNanos());
                if (outcome == null && attempts < settings.maxAttempts()) {
                    continue;
                }
                settle(delivery, outcome == null ? Outcome.UNANSWERED : outcome);
                return;
            } catch (IOException e) {
                disconnect(e);
                Thread.sleep(backOffMillis);
                backOffMillis = Math.min(MAX_BACK_OFF_MILLIS, backOffMillis * 2);
            }
        }
    }

    private void settle(Delivery delivery, Outcome outcome) {
        switch (outcome) {
            case ACCEPTED -> {
                counters.accepted.incrementAndGet();
                lastAcceptedNanos = System.nanoTime();
            }
            case REFUSED -> counters.refused.incrementAndGet();
            case UNANSWERED -> counters.unanswered.incrementAndGet();
            default -> throw new IllegalStateException("unknown outcome " + outcome);
        }
        listener.settled(delivery, outcome);
    }

    private void connected() throws IOException {
        if (socket != null) {
            return;
        }
        Socket fresh = new Socket();
        socket = fresh;
        try {
            fresh.setTcpNoDelay(true);
            fresh.connect(new InetSocketAddress(address.host(), address.port()), CONNECT_TIMEOUT_MILLIS);
            counters.connections.incrementAndGet();
            opened(fresh);
            loggedIn(fresh);
            backOffMillis = 100;
        } catch (IOException | RuntimeException e) {
            socket = null;
            fresh.close();
            throw e;
        }
    }

    /** A new connection: the reader of its answers is made here. */
    protected abstract void opened(Socket connection) throws IOException;

    protected final void write(byte[] bytes) throws IOException {
        Socket connection = socket;
        if (connection == null) {
            throw new IOException("not connected");
        }
        OutputStream out = connection.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    private void disconnect(IOException cause) {
        LOG.debug("{} to {}: {}", thread.getName(), address, cause.toString());
        Socket connection = socket;
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // Already broken: the next report opens a new connection.
            }
            socket = null;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        disconnect(new IOException("closed"));
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
