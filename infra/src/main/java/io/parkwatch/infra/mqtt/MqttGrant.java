package io.parkwatch.infra.mqtt;

import java.util.List;
import java.util.Optional;

/**
 * What an authenticated MQTT user may do: publish to topics matched by one of
 * {@code publishFilters}, subscribe to filters covered by one of {@code subscribeFilters}.
 * Anything not granted is denied.
 */
public record MqttGrant(String username, List<String> publishFilters, List<SubscriptionFilter> subscribeFilters) {

    public MqttGrant {
        publishFilters = List.copyOf(publishFilters);
        subscribeFilters = List.copyOf(subscribeFilters);
        for (String filter : publishFilters) {
            if (!TopicFilters.isValidFilter(filter) || filter.startsWith("$share/")) {
                throw new IllegalArgumentException("invalid publish filter for " + username + ": " + filter);
            }
        }
    }

    /** Whether this user may publish to {@code topic} (a topic name, never a filter). */
    public boolean mayPublish(String topic) {
        if (!TopicFilters.isValidTopic(topic)) {
            return false;
        }
        for (String filter : publishFilters) {
            if (TopicFilters.matches(filter, topic)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether this user may subscribe to {@code filter} as sent in SUBSCRIBE, including the
     * {@code $share/{group}/} prefix of a shared subscription.
     */
    public boolean maySubscribe(String filter) {
        Optional<SubscriptionFilter> requested = SubscriptionFilter.parse(filter);
        if (requested.isEmpty()) {
            return false;
        }
        for (SubscriptionFilter granted : subscribeFilters) {
            if (granted.permits(requested.get())) {
                return true;
            }
        }
        return false;
    }
}
