package io.parkwatch.streams.coverage;

import io.parkwatch.contracts.registry.ParkZones;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.streams.completeness.CompletenessRules;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the coverage, data-gap and completeness processors decide by configuration; see
 * {@link CoverageProperties} for the keys. Validated here, so a bad value fails at start-up.
 *
 * @param windowMultiple      a point is live while its last good reading is younger than this
 *                            many expected intervals…
 * @param minimumWindow       …but never less than this
 * @param windowByKind        a fixed staleness window per point kind, overriding the two above
 * @param targetOverrides     per-park targets, keyed {@code park|MODULE|class}
 * @param cadence             how often every coverage row is emitted and gaps are checked (wall clock)
 * @param silentLimit         at most this many silent members listed per row
 * @param zone                the day boundary of completeness, unless {@code zoneByPark} names one
 * @param completenessCadence how often completeness rows are emitted (wall clock)
 * @param hourlyRuleKinds     kinds judged by the HJ 212 flue-gas rule (valid hour ≥ 75 % normal)
 * @param validHourNormalShare the share of normal values that makes an hour valid
 * @param energyMeterTarget   completeness target of key energy users' meters
 * @param validHourTarget     valid-hour share target of flue-gas points
 * @param daysKept            days of completeness tallies kept for late data (today included)
 */
public record CoverageConfig(List<PlanRow> rows, KindCategories kinds, int windowMultiple, Duration minimumWindow,
                             Map<String, Duration> windowByKind, EnterpriseRule enterpriseRule,
                             Map<String, Double> targetOverrides, Duration cadence, int silentLimit, ZoneId zone,
                             Map<String, ZoneId> zoneByPark, Duration completenessCadence,
                             Set<String> hourlyRuleKinds, double validHourNormalShare, double energyMeterTarget,
                             double validHourTarget, int daysKept) implements CompletenessRules {

    public CoverageConfig {
        rows = List.copyOf(rows);
        Objects.requireNonNull(kinds, "kinds is required");
        windowByKind = Map.copyOf(windowByKind);
        Objects.requireNonNull(enterpriseRule, "enterpriseRule is required");
        targetOverrides = Map.copyOf(targetOverrides);
        Objects.requireNonNull(zone, "zone is required");
        zoneByPark = Map.copyOf(zoneByPark);
        hourlyRuleKinds = Set.copyOf(hourlyRuleKinds);
        if (windowMultiple < 1) {
            throw new IllegalArgumentException("coverage.window.multiple must be >= 1: " + windowMultiple);
        }
        requirePositive(minimumWindow, "coverage.window.minimum");
        requirePositive(cadence, "coverage.cadence");
        requirePositive(completenessCadence, "completeness.cadence");
        windowByKind.forEach((kind, window) -> requirePositive(window, "coverage.window.kind." + kind));
        targetOverrides.forEach((row, target) -> PlanRow.requireShare(target, "coverage.target." + row));
        PlanRow.requireShare(validHourNormalShare, "completeness.valid-hour.normal-share");
        PlanRow.requireShare(energyMeterTarget, "completeness.target.key-energy-meters");
        PlanRow.requireShare(validHourTarget, "completeness.target.valid-hours");
        if (silentLimit < 0) {
            throw new IllegalArgumentException("coverage.silent-limit must be >= 0: " + silentLimit);
        }
        if (daysKept < 1) {
            throw new IllegalArgumentException("completeness.days-kept must be >= 1: " + daysKept);
        }
    }

    /** The plan's rows and the documented defaults. */
    public static CoverageConfig defaults() {
        return new CoverageConfig(PlanRows.DEFAULTS, KindCategories.defaults(), 3, Duration.ofMinutes(5), Map.of(),
            EnterpriseRule.ALL, Map.of(), Duration.ofSeconds(30), 50, ParkZones.DEFAULT, Map.of(),
            Duration.ofMinutes(5), Set.of("cems-stack"), 0.75, 0.9, 0.75, 2);
    }

    /** How long a point stays live after its last good reading. */
    public Duration windowOf(PointEntry point) {
        Duration fixed = windowByKind.get(point.kind());
        if (fixed != null) {
            return fixed;
        }
        Duration derived = point.expectedInterval().multipliedBy(windowMultiple);
        return derived.compareTo(minimumWindow) < 0 ? minimumWindow : derived;
    }

    /** The plan rows of a park, with its overridden targets. */
    public List<PlanRow> rowsOf(String park) {
        List<PlanRow> ofPark = new ArrayList<>(rows.size());
        for (PlanRow row : rows) {
            Double override = targetOverrides.get(park + '|' + row.id());
            ofPark.add(override == null ? row : row.withTarget(override));
        }
        return ofPark;
    }

    @Override
    public boolean isEnergyMeter(String kind) {
        return kinds.categoryOf(kind).orElse(null) == PointCategory.ENERGY_METER;
    }

    public ZoneId zoneOf(String park) {
        return zoneOf(park, null);
    }

    /** This configuration's zone of the park, else the registry's ({@code registered}, may be null), else the default. */
    public ZoneId zoneOf(String park, ZoneId registered) {
        ZoneId configured = zoneByPark.get(park);
        if (configured != null) {
            return configured;
        }
        return registered != null ? registered : zone;
    }

    private static void requirePositive(Duration duration, String key) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration: " + duration);
        }
    }
}
