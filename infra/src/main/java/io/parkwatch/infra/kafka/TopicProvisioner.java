package io.parkwatch.infra.kafka;

import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.transport.kafka.KafkaConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates parkwatch's topics (the contract's registry) on any Kafka cluster, embedded or not.
 * Existing topics are left as they are, so every service may call this at start: one with fewer
 * partitions than asked is logged, never altered; readings and alert commands with different
 * counts stop the start (see {@link PartitionCheck}).
 *
 * <p>At a replication factor of 3 or more a created topic also gets {@code min.insync.replicas=2}:
 * an {@code acks=all} write is then on at least two brokers before parkwatch acknowledges it, and
 * one broker may be down without stopping writes. Below 3 the broker's default applies.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    /** The in-sync replicas an acknowledged write needs on topics replicated at least {@link #MIN_ISR_FROM} times. */
    public static final int MIN_INSYNC_REPLICAS = 2;
    public static final int MIN_ISR_FROM = 3;

    private TopicProvisioner() {
    }

    /**
     * Returns the names created now.
     *
     * @throws IllegalArgumentException when the readings and alert-commands topics would have different
     *     partition counts (nothing is created then): a layout mistake, answered in one line
     * @throws IllegalStateException when the cluster cannot be reached
     */
    public static List<String> ensure(String bootstrapServers, int partitions, short replicationFactor) {
        return ensure(KafkaConnection.to(bootstrapServers), partitions, replicationFactor);
    }

    /** {@link #ensure(String, int, short)} through a connection with the operator's client properties. */
    public static List<String> ensure(KafkaConnection kafka, int partitions, short replicationFactor) {
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("partitions and replication factor must be >= 1");
        }
        String bootstrapServers = kafka.bootstrapServers();
        try (Admin admin = Admin.create(kafka.config())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            checkPartitions(admin, existing, partitions);
            List<NewTopic> missing = Topics.ALL.stream()
                .filter(topic -> !existing.contains(topic.name()))
                .map(topic -> new NewTopic(topic.name(), partitions, replicationFactor)
                    .configs(topicConfigs(topic.cleanupPolicy(), replicationFactor)))
                .toList();
            List<String> created = new ArrayList<>();
            for (var result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                    created.add(result.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return created;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthenticationException refused) {
                // Wrong credentials or trust: a configuration mistake, answered in one line at start.
                throw new IllegalArgumentException("Kafka at " + bootstrapServers + " refused this client: "
                    + refused.getMessage() + " (check the client properties of --kafka-config)", e);
            }
            throw new IllegalStateException("cannot create parkwatch topics on " + bootstrapServers + ": "
                + (e.getCause() == null ? e : e.getCause()).toString(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot create parkwatch topics on " + bootstrapServers + ": "
                + (e.getCause() == null ? e : e.getCause()).toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /** What a created topic is given besides its partitions and replicas. */
    static Map<String, String> topicConfigs(String cleanupPolicy, short replicationFactor) {
        return replicationFactor >= MIN_ISR_FROM
            ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(MIN_INSYNC_REPLICAS))
            : Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy);
    }

    private static void checkPartitions(Admin admin, Set<String> existing, int partitions)
        throws ExecutionException, TimeoutException, InterruptedException {
        List<String> ours = Topics.ALL.stream().map(topic -> topic.name()).filter(existing::contains).toList();
        Map<String, Integer> counts = ours.isEmpty() ? Map.of()
            : admin.describeTopics(ours).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
                .collect(Collectors.toMap(d -> d.name(), d -> d.partitions().size()));
        PartitionCheck check = PartitionCheck.of(counts, partitions);
        check.warnings().forEach(LOG::warn);
        if (check.error().isPresent()) {
            throw new IllegalArgumentException(check.error().get());
        }
    }
}
