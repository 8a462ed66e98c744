package io.parkwatch.bench.stages;

import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A registry of {@code points} points spread over parks of up to {@code perPark} points,
 * enterprises of {@value #POINTS_PER_ENTERPRISE}, and the plan's point kinds in turn, so that
 * every plan row has members. Deterministic: the same sizes give the same registry.
 */
record SyntheticRegistry(List<EnterpriseEntry> enterprises, List<PointEntry> points, int perPark) {

    static final int POINTS_PER_ENTERPRISE = 50;

    private static final String[][] KINDS = {
        {"ENERGY", "electricity-meter"}, {"ENERGY", "water-meter"}, {"ENERGY", "gas-meter"},
        {"ENVIRONMENT", "cems-stack"}, {"ENVIRONMENT", "env-monitor"}, {"SAFETY", "major-hazard-sensor"},
        {"SAFETY", "non-major-hazard-sensor"}, {"SAFETY", "gas-detector"}, {"SAFETY", "tank"},
        {"ECONOMIC", "economic-report"},
    };
    private static final EnterpriseClass[] CLASSES = EnterpriseClass.values();

    static SyntheticRegistry of(int points, int perPark, Duration interval) {
        if (points < 1) {
            throw new IllegalArgumentException("--points must be positive: " + points);
        }
        if (perPark < POINTS_PER_ENTERPRISE) {
            throw new IllegalArgumentException("--points-per-park must be >= " + POINTS_PER_ENTERPRISE + ": " + perPark);
        }
        List<EnterpriseEntry> enterprises = new ArrayList<>();
        List<PointEntry> entries = new ArrayList<>(points);
        for (int n = 0; n < points; n++) {
            String park = String.format("park%03d", n / perPark);
            String enterprise = enterprise(n);
            if (n % POINTS_PER_ENTERPRISE == 0) {
                enterprises.add(new EnterpriseEntry(park, enterprise, enterprise, classes(n / POINTS_PER_ENTERPRISE)));
            }
            String[] kind = KINDS[n % KINDS.length];
            entries.add(new PointEntry(park, enterprise, "pt" + n % POINTS_PER_ENTERPRISE, Module.valueOf(kind[0]),
                kind[1], interval, null, null));
        }
        return new SyntheticRegistry(List.copyOf(enterprises), List.copyOf(entries), perPark);
    }

    List<RegistryRecord> records() {
        List<RegistryRecord> records = new ArrayList<>(enterprises.size() + points.size());
        enterprises.forEach(e -> records.add(RegistryRecord.of(e)));
        points.forEach(p -> records.add(RegistryRecord.of(p)));
        return records;
    }

    int parks() {
        return (points.size() + perPark - 1) / perPark;
    }

    private static String enterprise(int n) {
        return String.format("e%05d", n / POINTS_PER_ENTERPRISE);
    }

    /** Each enterprise has two of the plan's classes, in turn, so every class has members. */
    private static Set<EnterpriseClass> classes(int enterprise) {
        return EnumSet.of(CLASSES[enterprise % CLASSES.length], CLASSES[(enterprise + 2) % CLASSES.length]);
    }
}
