package io.parkwatch.transport.retry;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a loop on a daemon thread of its own and, when it fails, runs it again after a back-off:
 * a reader whose thread ended would leave its view stale while its process looked healthy. The
 * back-off starts over once a run lasted longer than its longest delay.
 */
public final class SupervisedLoop implements AutoCloseable {

    /** One run of the loop: returns (or throws) only once {@link #running()} is false, else it is restarted. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SupervisedLoop.class);

    private final String name;
    private final Backoff backoff;
    private final Body body;
    private final Runnable wake;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicLong restarts = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean inBody;

    /** @param wake interrupts a blocked run when closing (e.g. a consumer's {@code wakeup}) */
    public SupervisedLoop(String name, Backoff backoff, Body body, Runnable wake) {
        this.name = name;
        this.backoff = backoff;
        this.body = body;
        this.wake = wake;
        this.thread = new Thread(this::supervise, name);
        this.thread.setDaemon(true);
    }

    public SupervisedLoop start() {
        thread.start();
        return this;
    }

    /** Whether a run is under way: false while waiting out a back-off after a failure, and once closed. */
    public boolean alive() {
        return running && inBody && thread.isAlive();
    }

    /** How often the loop failed and was started again. */
    public long restarts() {
        return restarts.get();
    }

    /** For the body: false once closing. */
    public boolean running() {
        return running;
    }

    private void supervise() {
        int attempt = 0;
        while (running) {
            long started = System.nanoTime();
            inBody = true;
            try {
                body.run();
                if (running) {
                    throw new IllegalStateException("the loop returned while still running");
                }
            } catch (Exception | Error e) {
                if (!running) {
                    return;
                }
                if (Duration.ofNanos(System.nanoTime() - started).compareTo(backoff.max()) > 0) {
                    attempt = 0;
                }
                attempt++;
                Duration delay = backoff.delay(attempt);
                LOG.error("{} failed; restarting it in {} ms (restart {})", name, delay.toMillis(), restarts.get() + 1, e);
                inBody = false;
                if (!pause(delay)) {
                    return;
                }
                restarts.incrementAndGet();
            } finally {
                inBody = false;
            }
        }
    }

    /** Waits out a back-off; false when closed meanwhile. */
    private boolean pause(Duration delay) {
        try {
            return !stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS) && running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        running = false;
        stopped.countDown();
        wake.run();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
