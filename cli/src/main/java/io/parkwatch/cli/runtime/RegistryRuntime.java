package io.parkwatch.cli.runtime;

import io.parkwatch.cli.registry.KafkaRegistryLoader;
import io.parkwatch.cli.registry.LoadSummary;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.ingest.directory.KafkaPointDirectory;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registry at start-up: optionally loads one into the topic, then reads the topic for the gateway. */
public final class RegistryRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryRuntime.class);
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    private RegistryRuntime() {
    }

    /** Loads {@code registry} (when given) and returns a directory that has read the whole topic. */
    public static KafkaPointDirectory directory(String kafka, Registry registry, String clientId)
            throws InterruptedException {
        if (registry != null) {
            LoadSummary summary = new KafkaRegistryLoader(kafka).load(registry);
            LOG.info("registry loaded: {}", summary);
        }
        KafkaPointDirectory directory = KafkaPointDirectory.start(kafka, clientId);
        if (!directory.awaitCaughtUp(CATCH_UP)) {
            directory.close();
            throw new IllegalStateException("the gateway could not read the registry topic within " + CATCH_UP);
        }
        return directory;
    }
}
