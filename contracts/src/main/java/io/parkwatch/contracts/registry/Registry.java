package io.parkwatch.contracts.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything that must report, as one file holds it: parks, their enterprises, and the points
 * of those enterprises (vehicles are points of the park's {@link PointEntry#FLEET}).
 */
public record Registry(List<ParkEntry> parks, List<EnterpriseEntry> enterprises, List<PointEntry> points) {

    public Registry {
        parks = List.copyOf(parks);
        enterprises = List.copyOf(enterprises);
        points = List.copyOf(points);
    }

    /** One record per entity, parks first, so that a consumer meets a park before its enterprises. */
    public List<RegistryRecord> records() {
        List<RegistryRecord> records = new ArrayList<>(parks.size() + enterprises.size() + points.size());
        parks.forEach(p -> records.add(RegistryRecord.of(p)));
        enterprises.forEach(e -> records.add(RegistryRecord.of(e)));
        points.forEach(p -> records.add(RegistryRecord.of(p)));
        return records;
    }

    public List<PointEntry> vehicles() {
        return points.stream().filter(PointEntry::isVehicle).toList();
    }

    public List<EnterpriseEntry> enterprisesOf(String park) {
        return enterprises.stream().filter(e -> e.park().equals(park)).toList();
    }

    public List<PointEntry> pointsOf(String park) {
        return points.stream().filter(p -> p.park().equals(park)).toList();
    }
}
