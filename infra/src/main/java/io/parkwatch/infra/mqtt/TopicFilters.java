package io.parkwatch.infra.mqtt;

import java.nio.charset.StandardCharsets;

/**
 * MQTT topic-name and topic-filter rules (MQTT 5 section 4.7): validity, matching a topic
 * against a filter with {@code +} and {@code #}, and whether one filter covers another.
 */
public final class TopicFilters {

    private static final String SEPARATOR = "/";
    private static final String SINGLE = "+";
    private static final String MULTI = "#";
    private static final int MAX_BYTES = 65_535;

    private TopicFilters() {
    }

    /** A topic name a client may publish to: no wildcards, no control characters. */
    public static boolean isValidTopic(String topic) {
        return hasValidShape(topic) && topic.indexOf('+') < 0 && topic.indexOf('#') < 0;
    }

    /** A topic filter: {@code +} fills a whole level, {@code #} fills the whole last level. */
    public static boolean isValidFilter(String filter) {
        if (!hasValidShape(filter)) {
            return false;
        }
        String[] levels = levels(filter);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            boolean wildcard = level.equals(SINGLE) || level.equals(MULTI);
            if (!wildcard && (level.contains(SINGLE) || level.contains(MULTI))) {
                return false;
            }
            if (level.equals(MULTI) && i != levels.length - 1) {
                return false;
            }
        }
        return true;
    }

    /** A shared-subscription group name: one non-empty level without wildcards. */
    public static boolean isValidShareGroup(String group) {
        return group != null && hasValidShape(group)
            && !group.contains(SEPARATOR) && !group.contains(SINGLE) && !group.contains(MULTI);
    }

    /**
     * Whether {@code filter} matches {@code topic}. A filter starting with a wildcard does not
     * match a topic starting with {@code $} (MQTT 5 section 4.7.2).
     */
    public static boolean matches(String filter, String topic) {
        if (!isValidFilter(filter) || !isValidTopic(topic)) {
            return false;
        }
        String[] f = levels(filter);
        String[] t = levels(topic);
        if (topic.startsWith("$") && isWildcard(f[0])) {
            return false;
        }
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals(MULTI)) {
                return true;
            }
            if (i >= t.length || !(f[i].equals(SINGLE) || f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }

    /**
     * Whether every topic matched by {@code requested} is also matched by {@code granted}, so a
     * subscription to {@code requested} cannot receive anything outside the grant.
     */
    public static boolean covers(String granted, String requested) {
        if (!isValidFilter(granted) || !isValidFilter(requested)) {
            return false;
        }
        String[] g = levels(granted);
        String[] r = levels(requested);
        if (isWildcard(g[0]) && r[0].startsWith("$")) {
            // A leading wildcard never reaches $-topics, so it cannot cover a $-filter.
            return false;
        }
        return coversLevels(g, r);
    }

    private static boolean coversLevels(String[] g, String[] r) {
        for (int i = 0; i < g.length; i++) {
            if (g[i].equals(MULTI)) {
                return true;
            }
            if (i >= r.length || r[i].equals(MULTI)) {
                return false;
            }
            if (g[i].equals(SINGLE)) {
                continue;
            }
            if (!g[i].equals(r[i])) {
                return false;
            }
        }
        return g.length == r.length;
    }

    private static boolean hasValidShape(String text) {
        if (text == null || text.isEmpty() || text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWildcard(String level) {
        return level.equals(SINGLE) || level.equals(MULTI);
    }

    private static String[] levels(String text) {
        return text.split(SEPARATOR, -1);
    }
}
