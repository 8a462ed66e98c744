package io.parkwatch.console.coverage;

/** One coverage row as stored: a park × module × class at one time. */
public record CoverageFigure(String time, String park, String module, String entityClass, long required, long live,
                             double ratio, double target, boolean compliant) {
}
