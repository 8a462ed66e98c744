package io.parkwatch.infra.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the KRaft storage: formats a new data directory, reuses a formatted one untouched so
 * that a restarted broker keeps its topics and records.
 *
 * <p>The data directory holds two Kafka log directories: {@code logs} for the topics and
 * {@code metadata} for the cluster metadata log. Kept apart on purpose: when the metadata log
 * shares a directory with the topics, Kafka locks it only when the broker part starts, after the
 * controller has already appended to it; apart, Kafka locks it before touching it.
 */
final class KafkaStorage {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaStorage.class);
    private static final String META = MetaPropertiesEnsemble.META_PROPERTIES_NAME;

    private KafkaStorage() {
    }

    static Path logDir(Path dataDir) {
        return dataDir.resolve("logs");
    }

    static Path metadataDir(Path dataDir) {
        return dataDir.resolve("metadata");
    }

    /** Whether {@code dataDir} already holds formatted Kafka storage. */
    static boolean isFormatted(Path dataDir) {
        boolean logs = Files.isRegularFile(logDir(dataDir).resolve(META));
        boolean metadata = Files.isRegularFile(metadataDir(dataDir).resolve(META));
        if (logs != metadata) {
            throw new KafkaStartException("Kafka data directory " + dataDir + " is only partly formatted ("
                + (logs ? metadataDir(dataDir) : logDir(dataDir)) + " has no " + META
                + "); delete the directory to start afresh.");
        }
        return logs;
    }

    /**
     * Formats {@code dataDir} unless it is already formatted.
     *
     * @return true when it was formatted now, false when existing storage is reused
     */
    static boolean formatIfNeeded(Path dataDir) {
        return formatIfNeeded(dataDir, BrokerSettings.NODE_ID, Uuid.randomUuid().toString());
    }

    /** As {@link #formatIfNeeded(Path)} for node {@code nodeId} of cluster {@code clusterId}. */
    static boolean formatIfNeeded(Path dataDir, int nodeId, String clusterId) {
        if (isFormatted(dataDir)) {
            LOG.info("Reusing formatted Kafka storage in {}", dataDir);
            return false;
        }
        requireEmptyOrAbsent(dataDir);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            Formatter formatter = new Formatter()
                .setPrintStream(printStream)
                .setNodeId(nodeId)
                .setClusterId(clusterId)
                .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
                .setMetadataLogDirectory(metadataDir(dataDir).toString())
                .addDirectory(metadataDir(dataDir).toString())
                .addDirectory(logDir(dataDir).toString());
            formatter.run();
        } catch (Exception e) {
            throw new KafkaStartException("Could not format Kafka storage in " + dataDir + ": " + e.getMessage(), e);
        }
        LOG.info("Formatted Kafka storage in {} for cluster {}", dataDir, clusterId);
        LOG.debug("Formatter said: {}", output.toString(StandardCharsets.UTF_8).strip());
        return true;
    }

    // Formatting writes into the directory and Kafka would then treat whatever else is there as
    // its own; refuse a directory that belongs to something else.
    private static void requireEmptyOrAbsent(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new KafkaStartException("Kafka data directory " + dir + " is not a directory");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.anyMatch(entry -> !entry.getFileName().toString().equals(DataDirLock.FILE_NAME))) {
                throw new KafkaStartException("Kafka data directory " + dir + " is not empty and holds no"
                    + " formatted Kafka storage; refusing to format it. Choose an empty or new directory.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Kafka data directory " + dir, e);
        }
    }
}
