package io.parkwatch.simulator.truth;

/**
 * A plan row as the simulation makes it: {@code required} members (points or enterprises) and
 * {@code live} of them reporting by design (faults that lose single messages aside).
 */
public record CoverageByDesign(String park, String module, String entityClass, String level, int required, int live) {
}
