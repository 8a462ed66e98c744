package io.parkwatch.transport.kafka;

import io.parkwatch.transport.health.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether the Kafka cluster answers now, as a readiness check ({@value #NAME}). The clients
 * themselves say so late: a producer fails a send only after its delivery time-out (minutes),
 * and a Kafka Streams application stays RUNNING while every broker is down. A metadata request
 * with a short time-out says it within seconds; its answer is kept for {@link #FRESH_FOR}, because
 * probes and scrapes ask often.
 */
public final class KafkaReachability implements HealthCheck, AutoCloseable {

    public static final String NAME = "kafka.reachable";
    static final Duration FRESH_FOR = Duration.ofSeconds(3);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** Asks the cluster; throws when it does not answer in time. */
    interface Cluster extends AutoCloseable {
        int nodes() throws InterruptedException, ExecutionException, TimeoutException;

        @Override
        void close();
    }

    private final Cluster cluster;
    private final Clock clock;
    private Verdict last;
    private Instant lastAt = Instant.MIN;

    KafkaReachability(Cluster cluster, Clock clock) {
        this.cluster = cluster;
        this.clock = clock;
    }

    /** Through an admin client of its own, named {@code clientId}. */
    public static KafkaReachability of(KafkaConnection kafka, String clientId, Clock clock) {
        Properties props = new Properties();
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        Admin admin = Admin.create(kafka.apply(props));
        return new KafkaReachability(new Cluster() {
            @Override
            public int nodes() throws InterruptedException, ExecutionException, TimeoutException {
                return admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            }

            @Override
            public void close() {
                admin.close(Duration.ofSeconds(1));
            }
        }, clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized Verdict check() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(lastAt.plus(FRESH_FOR))) {
            last = ask();
            lastAt = now;
        }
        return last;
    }

    private Verdict ask() {
        try {
            int nodes = cluster.nodes();
            return Verdict.up("the cluster answered (" + nodes + (nodes == 1 ? " broker)" : " brokers)"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.down("interrupted while asking the cluster");
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return Verdict.down("no answer from the cluster within " + TIMEOUT.toSeconds() + " s: "
                + cause.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        cluster.close();
    }
}
