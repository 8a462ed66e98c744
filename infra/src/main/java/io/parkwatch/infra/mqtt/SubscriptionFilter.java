package io.parkwatch.infra.mqtt;

import java.util.Optional;

/**
 * A SUBSCRIBE topic filter split into its MQTT 5 shared-subscription group (absent for an
 * ordinary subscription) and the filter proper: {@code $share/{group}/{filter}}.
 */
public record SubscriptionFilter(Optional<String> group, String filter) {

    private static final String SHARE_PREFIX = "$share/";

    public SubscriptionFilter {
        if (group.isPresent() && !TopicFilters.isValidShareGroup(group.get())) {
            throw new IllegalArgumentException("invalid share group: " + group.get());
        }
        if (!TopicFilters.isValidFilter(filter)) {
            throw new IllegalArgumentException("invalid topic filter: " + filter);
        }
    }

    /** Parses a filter as it appears in a SUBSCRIBE packet; empty when it is malformed. */
    public static Optional<SubscriptionFilter> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (!text.startsWith(SHARE_PREFIX)) {
            return TopicFilters.isValidFilter(text)
                ? Optional.of(new SubscriptionFilter(Optional.empty(), text))
                : Optional.empty();
        }
        int slash = text.indexOf('/', SHARE_PREFIX.length());
        if (slash < 0) {
            return Optional.empty();
        }
        String group = text.substring(SHARE_PREFIX.length(), slash);
        String filter = text.substring(slash + 1);
        if (!TopicFilters.isValidShareGroup(group) || !TopicFilters.isValidFilter(filter)) {
            return Optional.empty();
        }
        return Optional.of(new SubscriptionFilter(Optional.of(group), filter));
    }

    public boolean shared() {
        return group.isPresent();
    }

    /**
     * Whether this (granted) filter allows the {@code requested} subscription: the share groups
     * must be equal (a plain grant allows only plain subscriptions, a shared grant only that
     * group) and every topic the requested filter can match must be matched by this one.
     */
    public boolean permits(SubscriptionFilter requested) {
        return group.equals(requested.group) && TopicFilters.covers(filter, requested.filter);
    }

    @Override
    public String toString() {
        return group.map(g -> SHARE_PREFIX + g + "/" + filter).orElse(filter);
    }
}
