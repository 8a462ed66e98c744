package io.parkwatch.cli.runtime;

import io.parkwatch.cli.registry.KafkaRegistryLoader;
import io.parkwatch.cli.registry.LoadSummary;
import io.parkwatch.contracts.registry.Registry;
import io.micrometer.core.instrument.MeterRegistry;
import io.parkwatch.ingest.directory.KafkaPointDirectory;
import io.parkwatch.transport.kafka.KafkaConnection;
import io.parkwatch.transport.kafka.UnreadableRecords;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registry at start-up: optionally loads one into the topic, then reads the topic for the gateway. */
public final class RegistryRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryRuntime.class);
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    private RegistryRuntime() {
    }

    /**
     * {@link #directory} on a thread of its own, so that a start-up can bring up other servers
     * meanwhile. The thread is a daemon: a start-up that fails elsewhere does not wait for it.
     */
    public static CompletableFuture<KafkaPointDirectory> directoryAsync(KafkaConnection kafka, Registry registry,
                                                                        String clientId, MeterRegistry meters) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return directory(kafka, registry, clientId, meters);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, runnable -> {
            Thread thread = new Thread(runnable, "registry-load");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /**
     * Loads {@code registry} (when given) and returns a directory that has read the whole topic.
     * Registry records the directory cannot read go to the rejected topic as
     * {@code gateway:parkwatch.registry.v1/partition@offset}.
     */
    public static KafkaPointDirectory directory(String kafka, Registry registry, String clientId, MeterRegistry meters)
            throws InterruptedException {
        return directory(KafkaConnection.to(kafka), registry, clientId, meters);
    }

    /** {@link #directory(String, Registry, String, MeterRegistry)} on a connection. */
    public static KafkaPointDirectory directory(KafkaConnection kafka, Registry registry, String clientId,
                                                MeterRegistry meters) throws InterruptedException {
        if (registry != null) {
            LoadSummary summary = new KafkaRegistryLoader(kafka).load(registry);
            LOG.info("registry loaded: {}", summary);
        }
        KafkaPointDirectory directory = KafkaPointDirectory.start(kafka, clientId, UnreadableRecords.toKafka("gateway", kafka,
            clientId + "-rejected", meters, Clock.systemUTC()));
        if (!directory.awaitCaughtUp(CATCH_UP)) {
            directory.close();
            throw new IllegalStateException("the gateway could not read the registry topic within " + CATCH_UP);
        }
        LOG.info("registry read: {} parks, enterprises and points", directory.size());
        return directory;
    }
}
