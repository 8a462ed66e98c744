package io.parkwatch.transport.kafka;

import io.parkwatch.transport.secret.SecretFile;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The operator's Kafka client properties file ({@code --kafka-config}): a standard Java
 * properties file passed to every client a command builds (see {@link KafkaConnection}). It
 * holds secrets, so it must be readable by its owner only; and it may not set the keys parkwatch's
 * guarantees or options own ({@link #RESERVED}).
 */
public final class KafkaClientProperties {

    /**
     * Keys a file may not set, and why. Also refused under the prefixes Kafka Streams passes on
     * to one of its clients ({@code producer.acks}, {@code main.consumer.isolation.level}, …).
     */
    public static final Map<String, String> RESERVED = reserved();

    /** Kafka Streams' per-client prefixes, longest first so {@code main.consumer.} is not read as {@code consumer.}. */
    private static final List<String> CLIENT_PREFIXES = List.of("restore.consumer.", "global.consumer.",
        "main.consumer.", "consumer.", "producer.", "admin.");

    private KafkaClientProperties() {
    }

    /**
     * Reads and checks the file before anything connects.
     *
     * @param option the option that named it, for the error
     * @throws IllegalArgumentException one line naming the file and the problem: group or others
     *     may read it, it cannot be read, or it sets a reserved key
     */
    public static Map<String, String> load(Path file, String option) throws IOException {
        SecretFile.requireOwnerOnly(file, option);
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (String key : new TreeSet<>(props.stringPropertyNames())) {
            properties.put(key, props.getProperty(key).strip());
        }
        requireNoReserved(properties, option + " " + file);
        return properties;
    }

    /** A file with no reserved key passes; the first one (in key order) fails with its reason. */
    static void requireNoReserved(Map<String, String> properties, String source) {
        for (String key : new TreeSet<>(properties.keySet())) {
            String reason = RESERVED.get(unprefixed(key));
            if (reason != null) {
                throw new IllegalArgumentException(source + ": " + key + " may not be set here: " + reason);
            }
        }
    }

    private static String unprefixed(String key) {
        for (String prefix : CLIENT_PREFIXES) {
            if (key.startsWith(prefix)) {
                return key.substring(prefix.length());
            }
        }
        return key;
    }

    private static Map<String, String> reserved() {
        Map<String, String> reserved = new LinkedHashMap<>();
        reserved.put("bootstrap.servers", "the cluster comes from --kafka");
        String durable = "parkwatch acknowledges a reading only once every in-sync replica has it, sent by an "
            + "idempotent producer (acks=all, enable.idempotence=true)";
        reserved.put("acks", durable);
        reserved.put("enable.idempotence", durable);
        reserved.put("transactional.id", "Kafka Streams assigns transactional ids; other producers are not transactional");
        reserved.put("isolation.level", "parkwatch's readers see only committed output of the exactly-once streams "
            + "(read_committed)");
        reserved.put("enable.auto.commit", "offsets are committed only after the records are handled "
            + "(the sink: after InfluxDB stored them)");
        reserved.put("auto.offset.reset", "a new consumer group must read its topics from the beginning (earliest)");
        String identity = "parkwatch names each client, group and application itself";
        reserved.put("group.id", identity);
        reserved.put("group.instance.id", identity);
        reserved.put("client.id", identity);
        reserved.put("application.id", identity);
        reserved.put("processing.guarantee", "the streams applications run exactly_once_v2");
        String option = "it comes from a parkwatch option (--state-dir, --threads, --replication-factor)";
        reserved.put("state.dir", option);
        reserved.put("num.stream.threads", option);
        reserved.put("replication.factor", option);
        String rejecting = "unreadable records go to the rejected topic with their bytes, never dropped";
        reserved.put("deserialization.exception.handler", rejecting);
        reserved.put("default.deserialization.exception.handler", rejecting);
        reserved.put("processing.exception.handler", rejecting);
        reserved.put("processing.exception.handler.global.enabled", rejecting);
        String serdes = "the topics' serdes are parkwatch's contract";
        for (String key : List.of("key.serializer", "value.serializer", "key.deserializer", "value.deserializer",
            "default.key.serde", "default.value.serde")) {
            reserved.put(key, serdes);
        }
        return Map.copyOf(reserved);
    }
}
