package io.parkwatch.console.park;

import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.Location;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryKeys;
import io.parkwatch.contracts.registry.RegistryRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry as the console needs it, folded from the compacted registry topic: parks,
 * enterprises and points by key; a tombstone removes one. Bounded by the registry itself.
 */
public final class ParkDirectory {

    private final Map<String, ParkEntry> parks = new TreeMap<>();
    private final Map<String, EnterpriseEntry> enterprises = new TreeMap<>();
    private final Map<String, PointEntry> points = new TreeMap<>();

    /** Applies one record of the registry topic under its key ({@code park:id}, {@code enterprise:p/e}, {@code point:p/e/id}). */
    public synchronized void apply(String key, RegistryRecord record) {
        if (record == null) {
            RegistryKeys.Kind kind = RegistryKeys.kindOf(key);
            if (kind != null) {
                Map<String, ?> held = switch (kind) {
                    case PARK -> parks;
                    case ENTERPRISE -> enterprises;
                    case POINT -> points;
                };
                held.remove(RegistryKeys.idOf(key));
            }
            return;
        }
        if (record.park() != null) {
            parks.put(record.park().id(), record.park());
        } else if (record.enterprise() != null) {
            enterprises.put(RegistryKeys.enterpriseId(record.enterprise().park(), record.enterprise().id()),
                record.enterprise());
        } else {
            points.put(record.point().pointKey(), record.point());
        }
    }

    public synchronized List<ParkEntry> parks() {
        return List.copyOf(parks.values());
    }

    public synchronized Optional<ParkEntry> park(String id) {
        return Optional.ofNullable(parks.get(id));
    }

    public synchronized List<EnterpriseEntry> enterprisesOf(String park) {
        return enterprises.values().stream().filter(e -> e.park().equals(park)).toList();
    }

    public synchronized Optional<EnterpriseEntry> enterprise(String park, String id) {
        return Optional.ofNullable(enterprises.get(RegistryKeys.enterpriseId(park, id)));
    }

    public synchronized Optional<PointEntry> point(String pointKey) {
        return Optional.ofNullable(points.get(pointKey));
    }

    /** The enterprise's points, by id. */
    public synchronized List<PointEntry> pointsOf(String park, String enterprise) {
        return points.values().stream().filter(p -> p.park().equals(park) && p.enterprise().equals(enterprise))
            .toList();
    }

    public synchronized List<PointEntry> vehiclesOf(String park) {
        return points.values().stream().filter(p -> p.park().equals(park) && p.isVehicle()).toList();
    }

    /** Parks, enterprises and points held: what bounds the other folds of the console's state. */
    public synchronized int size() {
        return parks.size() + enterprises.size() + points.size();
    }

    /** The mean of the park's enterprises' locations; empty when none has one. */
    public synchronized Optional<Location> centreOf(String park) {
        List<Location> sites = new ArrayList<>();
        for (EnterpriseEntry enterprise : enterprises.values()) {
            if (enterprise.park().equals(park) && enterprise.location() != null) {
                sites.add(enterprise.location());
            }
        }
        if (sites.isEmpty()) {
            return Optional.empty();
        }
        double lat = sites.stream().mapToDouble(Location::lat).average().orElseThrow();
        double lon = sites.stream().mapToDouble(Location::lon).average().orElseThrow();
        return Optional.of(new Location(lat, lon));
    }

    /** Parks in id order, for listings. */
    public static final Comparator<ParkEntry> BY_ID = Comparator.comparing(ParkEntry::id);
}
