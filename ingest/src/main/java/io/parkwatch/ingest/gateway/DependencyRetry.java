package io.parkwatch.ingest.gateway;

import io.parkwatch.transport.health.FailureStreak;
import io.parkwatch.transport.retry.Backoff;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries an operation on a failed dependency with back-off until it succeeds or the gateway
 * stops. The caller holds the MQTT acknowledgement meanwhile, which is the back-pressure.
 */
final class DependencyRetry {

    private static final Logger LOG = LoggerFactory.getLogger(DependencyRetry.class);

    private final Backoff backoff;
    private final ScheduledExecutorService scheduler;
    private final BooleanSupplier running;
    private final FailureStreak streak;

    DependencyRetry(Backoff backoff, ScheduledExecutorService scheduler, BooleanSupplier running,
                    FailureStreak streak) {
        this.backoff = backoff;
        this.scheduler = scheduler;
        this.running = running;
        this.streak = streak;
    }

    <T> CompletableFuture<T> run(String what, Supplier<CompletableFuture<T>> operation) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(what, operation, result, 0);
        return result;
    }

    private <T> void attempt(String what, Supplier<CompletableFuture<T>> operation, CompletableFuture<T> result,
                             int failures) {
        operation.get().whenComplete((value, error) -> {
            if (error == null) {
                streak.succeeded();
                result.complete(value);
            } else if (!running.getAsBoolean()) {
                result.completeExceptionally(error);
            } else {
                streak.failed(error);
                long delay = backoff.delay(failures + 1).toMillis();
                LOG.warn("{} failed ({}); retry {} in {} ms", what, error.toString(), failures + 1, delay);
                scheduler.schedule(() -> attempt(what, operation, result, failures + 1), delay, TimeUnit.MILLISECONDS);
            }
        });
    }
}
