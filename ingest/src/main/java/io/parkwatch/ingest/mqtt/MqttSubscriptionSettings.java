package io.parkwatch.ingest.mqtt;

import io.parkwatch.transport.tls.TlsMaterial;
import java.util.Objects;

/**
 * How a gateway instance attaches to the broker.
 *
 * @param clientId       stable per instance: the broker keeps the persistent session under it
 * @param shareGroup     instances in one group split the messages (MQTT 5 shared subscription)
 * @param receiveMaximum unacknowledged messages the broker may send at once, per connection: the
 *                       in-flight bound
 * @param connections    MQTT connections of this instance in the share group, each with its own
 *                       session and receive maximum; Paho reads and decodes on one thread per
 *                       connection, so several let one process use several cores
 * @param tls            for an {@code ssl://} URI: the CA to trust (none: the JVM's defaults) and the
 *                       gateway's own client certificate, if it logs in with one; null for plain TCP or
 *                       TLS with the JVM's defaults
 */
public record MqttSubscriptionSettings(String serverUri, String username, char[] password, String clientId,
                                       String shareGroup, String topicFilter, int receiveMaximum,
                                       long sessionExpirySeconds, int connections, TlsMaterial tls) {

    public static final int MAX_CONNECTIONS = 32;

    public MqttSubscriptionSettings {
        Objects.requireNonNull(serverUri, "serverUri is required");
        Objects.requireNonNull(clientId, "clientId is required");
        Objects.requireNonNull(topicFilter, "topicFilter is required");
        if (receiveMaximum < 1 || receiveMaximum > 65_535) {
            throw new IllegalArgumentException("receiveMaximum must be 1..65535: " + receiveMaximum);
        }
        if (connections < 1 || connections > MAX_CONNECTIONS) {
            throw new IllegalArgumentException("connections must be 1.." + MAX_CONNECTIONS + ": " + connections);
        }
        if (connections > 1 && (shareGroup == null || shareGroup.isBlank())) {
            // Without a share group every connection would receive every message.
            throw new IllegalArgumentException("connections > 1 needs a share group: " + connections);
        }
        password = password == null ? null : password.clone();
        if (tls != null && !serverUri.regionMatches(true, 0, "ssl://", 0, 6)) {
            throw new IllegalArgumentException("TLS settings need an ssl:// URI, got " + serverUri);
        }
    }

    /** Plain TCP, or TLS with the JVM's default trust store. */
    public MqttSubscriptionSettings(String serverUri, String username, char[] password, String clientId,
                                    String shareGroup, String topicFilter, int receiveMaximum,
                                    long sessionExpirySeconds, int connections) {
        this(serverUri, username, password, clientId, shareGroup, topicFilter, receiveMaximum, sessionExpirySeconds,
            connections, null);
    }

    /** One connection. */
    public MqttSubscriptionSettings(String serverUri, String username, char[] password, String clientId,
                                    String shareGroup, String topicFilter, int receiveMaximum,
                                    long sessionExpirySeconds) {
        this(serverUri, username, password, clientId, shareGroup, topicFilter, receiveMaximum, sessionExpirySeconds,
            1);
    }

    /**
     * The settings of connection {@code index} (0-based): the first keeps the client id, so that
     * a single-connection instance keeps its session; the others append {@code -2}, {@code -3}, ….
     */
    public MqttSubscriptionSettings connection(int index) {
        if (index < 0 || index >= connections) {
            throw new IllegalArgumentException("connection " + index + " of " + connections);
        }
        String id = index == 0 ? clientId : clientId + "-" + (index + 1);
        return new MqttSubscriptionSettings(serverUri, username, password, id, shareGroup, topicFilter, receiveMaximum,
            sessionExpirySeconds, 1, tls);
    }

    /** The same settings over TLS with {@code newTls}. */
    public MqttSubscriptionSettings withTls(TlsMaterial newTls) {
        return new MqttSubscriptionSettings(serverUri, username, password, clientId, shareGroup, topicFilter,
            receiveMaximum, sessionExpirySeconds, connections, newTls);
    }

    /** The filter to subscribe to: shared when a group is set. */
    public String subscription() {
        return shareGroup == null || shareGroup.isBlank() ? topicFilter : "$share/" + shareGroup + "/" + topicFilter;
    }

    @Override
    public char[] password() {
        return password == null ? null : password.clone();
    }
}
