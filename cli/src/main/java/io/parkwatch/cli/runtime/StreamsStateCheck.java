package io.parkwatch.cli.runtime;

import io.parkwatch.transport.health.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Ready when a Kafka Streams application is RUNNING, or REBALANCING for less than
 * {@link #REBALANCE_GRACE}: a rebalance is how instances share the work (one joins, leaves or
 * restarts; the cooperative protocol keeps processing the partitions kept), and it normally ends
 * in seconds. One still going after the grace, e.g. a restore that does not end or a member that
 * keeps joining, is DOWN. The grace counts from the first probe that sees the rebalance (probes
 * come every few seconds); any other state (created, shutting down, not running, error) is DOWN.
 */
final class StreamsStateCheck implements HealthCheck {

    static final Duration REBALANCE_GRACE = Duration.ofSeconds(60);

    private final String name;
    private final Supplier<KafkaStreams.State> state;
    private final Clock clock;
    private Instant rebalancingSince;

    StreamsStateCheck(String applicationId, Supplier<KafkaStreams.State> state, Clock clock) {
        this.name = "streams." + applicationId;
        this.state = state;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized Verdict check() {
        KafkaStreams.State now = state.get();
        if (now != KafkaStreams.State.REBALANCING) {
            rebalancingSince = null;
            return now == KafkaStreams.State.RUNNING ? Verdict.up("RUNNING") : Verdict.down(now.name());
        }
        Instant seen = clock.instant();
        if (rebalancingSince == null) {
            rebalancingSince = seen;
        }
        Duration rebalancing = Duration.between(rebalancingSince, seen);
        String detail = "REBALANCING for " + rebalancing.toSeconds() + " s (grace " + REBALANCE_GRACE.toSeconds()
            + " s)";
        return rebalancing.compareTo(REBALANCE_GRACE) < 0 ? Verdict.up(detail) : Verdict.down(detail);
    }

    /** Live unless the application has stopped by itself (ERROR) — it never leaves that state. */
    static HealthCheck live(String applicationId, Supplier<KafkaStreams.State> state) {
        return HealthCheck.of("streams." + applicationId + ".alive", () -> {
            KafkaStreams.State now = state.get();
            return now == KafkaStreams.State.ERROR || now == KafkaStreams.State.PENDING_ERROR
                ? Verdict.down(now.name() + ": the application has stopped; restart the process")
                : Verdict.up(now.name());
        });
    }
}
