package io.parkwatch.streams.coverage;

import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryKeys;
import io.parkwatch.contracts.registry.RegistryRecord;
import java.util.ArrayList;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The registry at one instant, indexed by park: what must report. */
public final class RegistrySnapshot {

    private final Map<String, EnterpriseEntry> enterprises = new TreeMap<>();
    private final Map<String, PointEntry> points = new TreeMap<>();
    private final Set<String> parks = new TreeSet<>();
    private final Map<String, ZoneId> zones = new TreeMap<>();

    /** Record variants other than enterprise and point (added later to the contract) are ignored. */
    public RegistrySnapshot add(RegistryRecord record) {
        if (record == null) {
            return this;
        }
        if (record.enterprise() != null) {
            EnterpriseEntry enterprise = record.enterprise();
            enterprises.put(RegistryKeys.enterpriseId(enterprise.park(), enterprise.id()), enterprise);
            parks.add(enterprise.park());
        } else if (record.point() != null) {
            points.put(record.point().pointKey(), record.point());
            parks.add(record.point().park());
        }
        return this;
    }

    public static RegistrySnapshot of(Collection<RegistryRecord> records) {
        RegistrySnapshot snapshot = new RegistrySnapshot();
        records.forEach(snapshot::add);
        return snapshot;
    }

    /** A park record's time zone (the registry's park entries, read from their JSON). */
    public RegistrySnapshot zone(String park, ZoneId zone) {
        if (zone != null) {
            zones.put(park, zone);
        }
        return this;
    }

    /** The park's registered time zone, or null. */
    public ZoneId zone(String park) {
        return zones.get(park);
    }

    public Set<String> parks() {
        return parks;
    }

    public PointEntry point(String pointKey) {
        return points.get(pointKey);
    }

    public Collection<PointEntry> points() {
        return points.values();
    }

    public EnterpriseEntry enterprise(String park, String id) {
        return enterprises.get(RegistryKeys.enterpriseId(park, id));
    }

    public List<EnterpriseEntry> enterprisesOf(String park) {
        List<EnterpriseEntry> ofPark = new ArrayList<>();
        for (EnterpriseEntry enterprise : enterprises.values()) {
            if (enterprise.park().equals(park)) {
                ofPark.add(enterprise);
            }
        }
        return ofPark;
    }

    public List<PointEntry> pointsOf(String park) {
        List<PointEntry> ofPark = new ArrayList<>();
        for (PointEntry point : points.values()) {
            if (point.park().equals(park)) {
                ofPark.add(point);
            }
        }
        return ofPark;
    }
}
