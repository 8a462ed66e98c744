package io.parkwatch.simulator.registry;

import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.EnterpriseStatus;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.ParkZones;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.PointKind;
import io.parkwatch.contracts.registry.Registry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Collects a generated registry; hands out unique HJ 212 MNs and JT/T 808 terminal numbers, and
 * each enterprise its site ({@link ParkSites}).
 */
final class RegistryBuilder {

    private final List<ParkEntry> parks = new ArrayList<>();
    private final List<EnterpriseEntry> enterprises = new ArrayList<>();
    private final List<PointEntry> points = new ArrayList<>();
    private final Map<String, Integer> sitesPerPark = new HashMap<>();
    private final long seed;
    private long mns;
    private long terminals;

    RegistryBuilder(long seed) {
        this.seed = seed;
    }

    void park(String id, String name) {
        parks.add(new ParkEntry(id, name, ParkZones.DEFAULT, null));
    }

    void enterprise(String park, String id, String name, Set<EnterpriseClass> classes, EnterpriseStatus status) {
        int site = sitesPerPark.merge(park, 1, Integer::sum) - 1;
        enterprises.add(new EnterpriseEntry(park, id, name, classes, status, null,
            ParkSites.enterpriseSite(park, site, seed)));
    }

    void point(String park, String enterprise, String id, PointKind kind, Duration interval) {
        points.add(new PointEntry(park, enterprise, id, kind.module(), kind.wireName(), interval, null, null, true));
    }

    /** A point fed by an HJ 212 data logger: it gets the next MN. */
    void loggedPoint(String park, String enterprise, String id, PointKind kind, Duration interval) {
        String mn = String.format(Locale.ROOT, "1529%010d", ++mns);
        points.add(new PointEntry(park, enterprise, id, kind.module(), kind.wireName(), interval, mn, null, true));
    }

    void vehicle(String park, String id, PointKind kind, Duration interval) {
        String terminal = String.format(Locale.ROOT, "0139%08d", ++terminals);
        points.add(new PointEntry(park, PointEntry.FLEET, id, kind.module(), kind.wireName(), interval, null,
            terminal, true));
    }

    /** Vehicles after the other points, in the order a registry file lists them. */
    Registry build() {
        List<PointEntry> ordered = new ArrayList<>(points.stream().filter(p -> !p.isVehicle()).toList());
        ordered.addAll(points.stream().filter(PointEntry::isVehicle).toList());
        return new Registry(parks, enterprises, ordered);
    }
}
