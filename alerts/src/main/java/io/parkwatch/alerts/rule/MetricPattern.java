package io.parkwatch.alerts.rule;

import java.util.Objects;

/**
 * A metric name, exact ({@code a21026-Avg}) or with {@code *} wildcards ({@code a21026-*},
 * {@code *-ZsAvg}). Matching is case-sensitive, like the metric names on the wire.
 */
public record MetricPattern(String pattern) {

    public MetricPattern {
        Objects.requireNonNull(pattern, "pattern is required");
        if (pattern.isBlank()) {
            throw new IllegalArgumentException("a metric pattern must not be blank");
        }
    }

    public boolean matches(String metric) {
        return matches(pattern, 0, metric, 0);
    }

    private static boolean matches(String p, int pi, String m, int mi) {
        if (pi == p.length()) {
            return mi == m.length();
        }
        if (p.charAt(pi) == '*') {
            for (int i = mi; i <= m.length(); i++) {
                if (matches(p, pi + 1, m, i)) {
                    return true;
                }
            }
            return false;
        }
        return mi < m.length() && p.charAt(pi) == m.charAt(mi) && matches(p, pi + 1, m, mi + 1);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
