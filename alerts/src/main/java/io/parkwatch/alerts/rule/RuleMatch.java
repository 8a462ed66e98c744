package io.parkwatch.alerts.rule;

import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Reading;
import java.util.List;
import java.util.Set;

/**
 * Which readings a rule looks at. Empty sets match anything; {@code pointKinds} needs the point
 * in the registry (an unregistered point has no kind and matches only rules without kinds).
 *
 * @param units  when set, readings in another unit are not judged (a ppm H₂S value is not a mg/m³ one)
 * @param points point ids (the last part of the point key): with one park and one enterprise, the
 *               exact points a permit's outlet is measured at
 */
public record RuleMatch(Set<Domain> domains, List<MetricPattern> metrics, Set<String> pointKinds,
                        Set<String> parks, Set<String> enterprises, Set<String> units, Set<String> points) {

    public RuleMatch {
        domains = Set.copyOf(domains);
        metrics = List.copyOf(metrics);
        pointKinds = Set.copyOf(pointKinds);
        parks = Set.copyOf(parks);
        enterprises = Set.copyOf(enterprises);
        units = Set.copyOf(units);
        points = Set.copyOf(points);
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("a rule must name at least one metric");
        }
    }

    public RuleMatch(Set<Domain> domains, List<MetricPattern> metrics, Set<String> pointKinds, Set<String> parks,
                     Set<String> enterprises, Set<String> units) {
        this(domains, metrics, pointKinds, parks, enterprises, units, Set.of());
    }

    /** Everything but the metric: the point is one this rule watches. */
    public boolean matchesPoint(Reading reading, String pointKind) {
        return (domains.isEmpty() || domains.contains(reading.domain()))
            && (pointKinds.isEmpty() || pointKind != null && pointKinds.contains(pointKind))
            && (parks.isEmpty() || parks.contains(reading.park()))
            && (enterprises.isEmpty() || enterprises.contains(reading.enterprise()))
            && (points.isEmpty() || points.contains(reading.point()));
    }

    public boolean matchesMetric(String metric) {
        return metrics.stream().anyMatch(pattern -> pattern.matches(metric));
    }

    public boolean matches(Reading reading, String pointKind) {
        return matchesPoint(reading, pointKind) && matchesMetric(reading.metric())
            && (units.isEmpty() || units.contains(reading.unit()));
    }
}
