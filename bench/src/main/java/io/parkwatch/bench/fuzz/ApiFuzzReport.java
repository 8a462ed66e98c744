package io.parkwatch.bench.fuzz;

import java.util.List;
import java.util.Map;

/** The answers of an API fuzz run: counts per status, and every answer that broke the contract. */
public record ApiFuzzReport(int requests, long seed, Map<String, Long> statuses, List<String> violations,
                           double seconds) {

    public ApiFuzzReport {
        statuses = Map.copyOf(statuses);
        violations = List.copyOf(violations);
    }

    public long count(int status) {
        return statuses.getOrDefault(String.valueOf(status), 0L);
    }

    public String text() {
        StringBuilder out = new StringBuilder(String.format(
            "API fuzz: %d requests (seed %d), %.1f s%n  answers per status: %s%n  contract broken: %d%n",
            requests, seed, seconds, new java.util.TreeMap<>(statuses), violations.size()));
        violations.stream().limit(20).forEach(v -> out.append("    ").append(v).append(System.lineSeparator()));
        return out.toString();
    }
}
