package io.parkwatch.infra.mqtt;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One MQTT login: the username, a salted hash of its password (never the password itself) and
 * the topic filters it may publish and subscribe to. Subscribe filters may carry a
 * {@code $share/{group}/} prefix, which then restricts the grant to that shared group.
 */
public record MqttAccount(String username, PasswordHash password, List<String> publishFilters,
                          List<String> subscribeFilters) {

    /** Also safe as a line prefix in Mosquitto's password ({@code :}) and ACL files. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");
    private static final Pattern NO_SPACE = Pattern.compile("\\S+");

    public MqttAccount {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("invalid MQTT username: " + username);
        }
        if (password == null) {
            throw new IllegalArgumentException("no password hash for " + username);
        }
        publishFilters = List.copyOf(publishFilters);
        subscribeFilters = List.copyOf(subscribeFilters);
        for (String filter : subscribeFilters) {
            if (SubscriptionFilter.parse(filter).isEmpty() || !NO_SPACE.matcher(filter).matches()) {
                throw new IllegalArgumentException("invalid subscribe filter for " + username + ": " + filter);
            }
        }
        for (String filter : publishFilters) {
            if (!NO_SPACE.matcher(filter).matches()) {
                throw new IllegalArgumentException("invalid publish filter for " + username + ": " + filter);
            }
        }
        grantOf(username, publishFilters, subscribeFilters);
    }

    /**
     * Builds an account from a clear password, which is hashed at once with
     * {@link PasswordHash#DEFAULT_ITERATIONS}; the caller wipes {@code password} afterwards.
     */
    public static MqttAccount withPassword(String username, char[] password, List<String> publishFilters,
                                           List<String> subscribeFilters) {
        return new MqttAccount(username, PasswordHash.derive(password, PasswordHash.DEFAULT_ITERATIONS),
            publishFilters, subscribeFilters);
    }

    /** What this account may do once authenticated. */
    public MqttGrant grant() {
        return grantOf(username, publishFilters, subscribeFilters);
    }

    private static MqttGrant grantOf(String username, List<String> publish, List<String> subscribe) {
        return new MqttGrant(username, publish,
            subscribe.stream().map(f -> SubscriptionFilter.parse(f).orElseThrow()).toList());
    }
}
