package io.parkwatch.infra.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The broker properties of a single combined broker+controller node on loopback. */
final class BrokerSettings {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String CLIENT_LISTENER = "PLAINTEXT";

    private BrokerSettings() {
    }

    /** The small-node defaults, then the caller's overrides, then the fixed node layout. */
    static Properties properties(EmbeddedKafkaConfig config, int port, int controllerPort) {
        return properties(config, port, controllerPort, 0);
    }

    /** With {@code securedPort} for the config's secured listener, if it has one. */
    static Properties properties(EmbeddedKafkaConfig config, int port, int controllerPort, int securedPort) {
        Map<String, String> settings = new LinkedHashMap<>(smallNodeDefaults(config));
        settings.putAll(config.overrides());
        settings.putAll(layout(config, port, controllerPort));
        if (config.secured() != null) {
            secure(settings, config, securedPort);
        }
        Properties properties = new Properties();
        properties.putAll(settings);
        return properties;
    }

    private static Map<String, String> smallNodeDefaults(EmbeddedKafkaConfig config) {
        Map<String, String> settings = new LinkedHashMap<>();
        // One node: internal topics cannot have more replicas than brokers. The transaction
        // state log needs these too, or exactly_once_v2 producers never finish initTransactions.
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("default.replication.factor", "1");
        settings.put("min.insync.replicas", "1");
        // 50 partitions per internal topic is sized for clusters; on one node it only slows the
        // first group join and the first transaction while the coordinators load them.
        settings.put("offsets.topic.num.partitions", "8");
        settings.put("transaction.state.log.num.partitions", "8");
        settings.put("share.coordinator.state.topic.num.partitions", "8");
        // The cleaner reserves its dedupe buffer on the heap up front: 128 MiB by default.
        settings.put("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));
        settings.put("group.initial.rebalance.delay.ms", "0");
        settings.put("group.streams.initial.rebalance.delay.ms", "0");
        // Topics are created explicitly with their partitions and config; a typo must not
        // silently create a one-partition topic.
        settings.put("auto.create.topics.enable", "false");
        // Bounds KafkaRaftServer.startup() itself, which waits for the broker's registration.
        settings.put("initial.broker.registration.timeout.ms",
            Long.toString(config.startTimeout().toMillis()));
        return settings;
    }

    /** Adds the SASL_SSL listener next to the plain one, which stays the inter-broker listener. */
    private static void secure(Map<String, String> settings, EmbeddedKafkaConfig config, int securedPort) {
        String secured = SaslScramListener.NAME + "://" + config.host() + ":" + securedPort;
        settings.put("listeners", settings.get("listeners") + "," + secured);
        settings.put("advertised.listeners", settings.get("advertised.listeners") + "," + secured);
        settings.put("listener.security.protocol.map", settings.get("listener.security.protocol.map") + ","
            + SaslScramListener.NAME + ":SASL_SSL");
        settings.putAll(config.secured().brokerProperties());
    }

    private static Map<String, String> layout(EmbeddedKafkaConfig config, int port, int controllerPort) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", Integer.toString(config.nodeId()));
        // A static voter set (not a dynamic quorum): its endpoint is not written to the log, so a
        // restart on the same directory may pick a new free controller port.
        settings.put("controller.quorum.voters", config.quorum() == null
            ? NODE_ID + "@" + config.host() + ":" + controllerPort : config.quorum().voters(config.host()));
        settings.put("controller.listener.names", CONTROLLER_LISTENER);
        settings.put("inter.broker.listener.name", CLIENT_LISTENER);
        settings.put("listeners", CLIENT_LISTENER + "://" + config.host() + ":" + port + ","
            + CONTROLLER_LISTENER + "://" + config.host() + ":" + controllerPort);
        settings.put("advertised.listeners", CLIENT_LISTENER + "://" + config.host() + ":" + port);
        settings.put("listener.security.protocol.map",
            CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        settings.put("log.dirs", KafkaStorage.logDir(config.dataDir()).toString());
        settings.put("metadata.log.dir", KafkaStorage.metadataDir(config.dataDir()).toString());
        return settings;
    }
}
