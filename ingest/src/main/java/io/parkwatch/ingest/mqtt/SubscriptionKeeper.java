package io.parkwatch.ingest.mqtt;

import io.micrometer.core.instrument.Counter;
import io.parkwatch.transport.health.HealthCheck;
import io.parkwatch.transport.retry.Backoff;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one connection's subscription: after every (re)connect it subscribes, and retries with
 * back-off until the broker grants it, the connection drops (the next connect starts again) or
 * the gateway stops. A connection without its subscription receives nothing, so it is never left
 * so silently: each failure is counted, and the connection is not ready meanwhile.
 */
final class SubscriptionKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionKeeper.class);

    /** One SUBSCRIBE; the future fails on a transport error or a refusal in the SUBACK. */
    @FunctionalInterface
    interface Request {
        CompletableFuture<Void> subscribe();
    }

    /** Runs a retry later (the gateway's retry thread; a test's own queue). */
    @FunctionalInterface
    interface Scheduler {
        void schedule(Runnable task, Duration delay);
    }

    private final String subscription;
    private final Request request;
    private final Scheduler scheduler;
    private final Backoff backoff;
    private final Counter failures;
    /** Bumped by every connect, disconnect and stop: an answer or retry of an older one is dropped. */
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean connected;
    private volatile boolean subscribed;
    private volatile boolean stopped;
    private volatile String detail = "not connected yet";

    SubscriptionKeeper(String subscription, Request request, Scheduler scheduler, Backoff backoff, Counter failures) {
        this.subscription = subscription;
        this.request = request;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.failures = failures;
    }

    /** The connection is up and its subscription must be (re)made. */
    void onConnect() {
        long current = generation.incrementAndGet();
        connected = true;
        subscribed = false;
        detail = "subscribing to " + subscription;
        attempt(current, 0);
    }

    /** The connection is up and the caller has just been granted the subscription itself. */
    void onConnectSubscribed() {
        generation.incrementAndGet();
        connected = true;
        subscribed = true;
        detail = "subscribed to " + subscription;
    }

    void onDisconnect(String why) {
        generation.incrementAndGet();
        connected = false;
        subscribed = false;
        detail = "disconnected: " + why;
    }

    void stop() {
        stopped = true;
        generation.incrementAndGet();
    }

    boolean isConnected() {
        return connected;
    }

    boolean isSubscribed() {
        return subscribed;
    }

    HealthCheck.Verdict verdict() {
        return subscribed ? HealthCheck.Verdict.up(detail) : HealthCheck.Verdict.down(detail);
    }

    private void attempt(long current, int failed) {
        if (stopped || generation.get() != current) {
            return;
        }
        CompletableFuture<Void> answer;
        try {
            answer = request.subscribe();
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((granted, thrown) -> {
            if (stopped || generation.get() != current) {
                return;
            }
            if (thrown == null) {
                subscribed = true;
                detail = "subscribed to " + subscription;
                LOG.info("gateway subscribed to {}{}", subscription, failed == 0 ? "" : " after " + failed + " failures");
                return;
            }
            Throwable error = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause()
                : thrown;
            failures.increment();
            Duration delay = backoff.delay(failed + 1);
            detail = "subscribing to " + subscription + " failed " + (failed + 1) + " times, last: " + error
                + "; retrying";
            LOG.warn("subscribing to {} failed ({}); retry {} in {} ms", subscription, error.toString(), failed + 1,
                delay.toMillis());
            scheduler.schedule(() -> attempt(current, failed + 1), delay);
        });
    }
}
