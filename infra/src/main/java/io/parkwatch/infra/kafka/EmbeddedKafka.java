package io.parkwatch.infra.kafka;

import io.parkwatch.infra.net.LoopbackPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka (KRaft, combined broker+controller) inside this JVM, listening on loopback
 * only. {@link #start} returns once clients can use it; {@link #close} stops it.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** The CLI flag that chooses the client port; named when that port is taken. */
    public static final String PORT_FLAG = "--kafka-port";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private final Running running;
    private final String bootstrapServers;
    private final String securedBootstrapServers;
    private final int port;
    private final Path dataDir;
    private final boolean freshStorage;
    private final Duration startDuration;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** What a started broker holds until it is closed. */
    private record Running(KafkaRaftServer server, Admin admin, DataDirLock lock) {
    }

    private EmbeddedKafka(Running running, int port, int securedPort, EmbeddedKafkaConfig config,
            boolean freshStorage, Duration startDuration) {
        this.running = running;
        this.bootstrapServers = config.host() + ":" + port;
        this.securedBootstrapServers = config.secured() == null ? null : config.host() + ":" + securedPort;
        this.port = port;
        this.dataDir = config.dataDir();
        this.freshStorage = freshStorage;
        this.startDuration = startDuration;
    }

    /**
     * Formats the data directory if needed, starts the broker and waits until it serves clients.
     *
     * @throws io.parkwatch.infra.net.PortInUseException when an explicit port is taken
     * @throws KafkaStartException when it could not start or was not ready in time
     */
    public static EmbeddedKafka start(EmbeddedKafkaConfig config) {
        return start(config, 0);
    }

    /** As {@link #start(EmbeddedKafkaConfig)}; tests choose the controller port (0 = free). */
    static EmbeddedKafka start(EmbeddedKafkaConfig config, int chosenControllerPort) {
        // Check a chosen port before touching the data directory, so a busy port changes nothing.
        LoopbackPorts.requireFree(config.host(), config.port(), PORT_FLAG);
        long startNanos = System.nanoTime();
        int port = config.port() == 0 ? LoopbackPorts.freePort() : config.port();
        int controllerPort = config.quorum() != null ? config.quorum().controllerPort()
            : chosenControllerPort == 0 ? freePortOtherThan(port) : chosenControllerPort;
        int securedPort = securedPort(config, port, controllerPort);
        // Validate the broker properties before formatting: bad overrides leave no trace.
        KafkaConfig brokerConfig = brokerConfig(BrokerSettings.properties(config, port, controllerPort, securedPort));
        createDirectory(config.dataDir());
        DataDirLock lock = DataDirLock.acquire(config.dataDir());
        try {
            boolean fresh = KafkaStorage.formatIfNeeded(config.dataDir(), config.nodeId(),
                config.quorum() == null ? Uuid.randomUuid().toString() : config.quorum().clusterId());
            KafkaRaftServer server = newServer(brokerConfig, config);
            Admin admin = startAndAwaitReady(server, config, port, startNanos);
            if (config.secured() != null) {
                ScramUsers.create(admin, config.secured().users(), ADMIN_TIMEOUT);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            LOG.info("Kafka ready at {}:{} in {} ms ({} storage in {})", config.host(), port, took.toMillis(),
                fresh ? "new" : "reused", config.dataDir());
            return new EmbeddedKafka(new Running(server, admin, lock), port, securedPort, config, fresh, took);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** host:port for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** host:port of the SASL_SSL listener; null without one. */
    public String securedBootstrapServers() {
        return securedBootstrapServers;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** True when this start formatted the data directory, false when it reused existing data. */
    public boolean freshStorage() {
        return freshStorage;
    }

    /** From the call to {@link #start} until the broker served a metadata request. */
    public Duration startDuration() {
        return startDuration;
    }

    /** Creates the topic unless it exists; see {@link #createTopics}. */
    public boolean createTopic(TopicSpec topic) {
        return !createTopics(List.of(topic)).isEmpty();
    }

    /** Creates the topic unless it exists; see {@link #createTopics}. */
    public boolean createTopic(String name, int partitions, Map<String, String> config) {
        return createTopic(new TopicSpec(name, partitions, config));
    }

    /**
     * Creates the topics that do not exist yet. Existing topics are left as they are (their
     * partitions and config are not changed), so this is safe to call on every start.
     *
     * @return the names of the topics created now
     */
    public List<String> createTopics(Collection<TopicSpec> topics) {
        requireOpen();
        List<NewTopic> newTopics = topics.stream()
            .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.config()))
            .toList();
        CreateTopicsResult result = running.admin().createTopics(newTopics);
        List<String> created = new ArrayList<>();
        for (Map.Entry<String, KafkaFuture<Void>> entry : result.values().entrySet()) {
            if (awaitCreated(entry.getKey(), entry.getValue())) {
                created.add(entry.getKey());
            }
        }
        LOG.info("Created topics {} (of {} requested)", created, topics.size());
        return List.copyOf(created);
    }

    /** Stops the broker and waits until it has stopped. Safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long stopNanos = System.nanoTime();
        closeAdmin(running.admin());
        stopServer(running.server());
        // Only after the broker has stopped writing may another one take the directory.
        running.lock().close();
        LOG.info("Kafka at {} stopped in {} ms", bootstrapServers,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopNanos));
    }

    private boolean awaitCreated(String name, KafkaFuture<Void> future) {
        try {
            future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new IllegalStateException("Could not create topic " + name + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Creating topic " + name + " timed out after " + ADMIN_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " is closed");
        }
    }

    private static KafkaConfig brokerConfig(Properties properties) {
        try {
            return KafkaConfig.fromProps(properties, false);
        } catch (RuntimeException e) {
            throw new KafkaStartException("Invalid Kafka broker settings: " + e.getMessage(), e);
        }
    }

    private static KafkaRaftServer newServer(KafkaConfig brokerConfig, EmbeddedKafkaConfig config) {
        try {
            // Reads and checks meta.properties of the log directory.
            return new KafkaRaftServer(brokerConfig, Time.SYSTEM);
        } catch (RuntimeException e) {
            throw new KafkaStartException("Kafka could not open its data directory "
                + config.dataDir() + ": " + e.getMessage(), e);
        }
    }

    private static void awaitReady(Admin admin, Duration timeout, long startNanos) throws InterruptedException {
        long deadline = startNanos + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            long remainingMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            try {
                int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) remainingMs))
                    .nodes().get(remainingMs, TimeUnit.MILLISECONDS).size();
                if (nodes > 0) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                last = e;
            }
            Thread.sleep(50);
        }
        throw new KafkaStartException("broker not ready within " + timeout
            + (last == null ? "" : " (last error: " + last.getMessage() + ")"), last);
    }

    private static Admin startAndAwaitReady(KafkaRaftServer server, EmbeddedKafkaConfig config, int port,
            long startNanos) {
        Admin admin = null;
        try {
            StartupExitGuard.guard(server::startup);
            admin = Admin.create(adminProperties(config.host() + ":" + port));
            awaitReady(admin, config.startTimeout(), startNanos);
            return admin;
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            closeAdmin(admin);
            stopServer(server);
            throw new KafkaStartException("Kafka on " + config.host() + ":" + port + " (data "
                + config.dataDir() + ") did not start: " + e.getMessage(), e);
        }
    }

    private static Properties adminProperties(String bootstrap) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "parkwatch-embedded-kafka-admin");
        return properties;
    }

    private static int securedPort(EmbeddedKafkaConfig config, int port, int controllerPort) {
        if (config.secured() == null) {
            return 0;
        }
        if (config.secured().port() != 0) {
            LoopbackPorts.requireFree(config.host(), config.secured().port(), "the secured Kafka port");
            return config.secured().port();
        }
        int candidate = freePortOtherThan(port);
        while (candidate == controllerPort) {
            candidate = freePortOtherThan(port);
        }
        return candidate;
    }

    private static int freePortOtherThan(int port) {
        int candidate = LoopbackPorts.freePort();
        while (candidate == port) {
            candidate = LoopbackPorts.freePort();
        }
        return candidate;
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new KafkaStartException("Cannot create Kafka data directory " + dir + ": " + e, e);
        }
    }

    private static void closeAdmin(Admin admin) {
        if (admin == null) {
            return;
        }
        try {
            admin.close(ADMIN_CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.warn("Closing the Kafka admin client failed", e);
        }
    }

    private static void stopServer(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Stopping the embedded Kafka broker failed", e);
        }
    }
}
