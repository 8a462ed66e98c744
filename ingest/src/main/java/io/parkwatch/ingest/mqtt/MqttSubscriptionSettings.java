package io.parkwatch.ingest.mqtt;

import java.util.Objects;

/**
 * How a gateway instance attaches to the broker.
 *
 * @param clientId       stable per instance: the broker keeps the persistent session under it
 * @param shareGroup     instances in one group split the messages (MQTT 5 shared subscription)
 * @param receiveMaximum unacknowledged messages the broker may send at once: the in-flight bound
 */
public record MqttSubscriptionSettings(String serverUri, String username, char[] password, String clientId,
                                       String shareGroup, String topicFilter, int receiveMaximum,
                                       long sessionExpirySeconds) {

    public MqttSubscriptionSettings {
        Objects.requireNonNull(serverUri, "serverUri is required");
        Objects.requireNonNull(clientId, "clientId is required");
        Objects.requireNonNull(topicFilter, "topicFilter is required");
        if (receiveMaximum < 1 || receiveMaximum > 65_535) {
            throw new IllegalArgumentException("receiveMaximum must be 1..65535: " + receiveMaximum);
        }
        password = password == null ? null : password.clone();
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
