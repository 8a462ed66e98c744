package io.parkwatch.ingest.directory;

import io.parkwatch.contracts.reading.PointKey;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.PointKind;
import io.parkwatch.contracts.registry.RegistryKeys;
import io.parkwatch.contracts.registry.RegistryRecord;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry as the gateway needs it, updated record by record from the registry topic
 * (one writer) while message threads read it. A null record is a tombstone: the entity is gone.
 */
public final class RegistryView implements PointDirectory {

    private final Map<String, ParkEntry> parks = new ConcurrentHashMap<>();
    private final Map<String, EnterpriseEntry> enterprises = new ConcurrentHashMap<>();
    private final Map<String, PointEntry> points = new ConcurrentHashMap<>();
    private final Map<String, PointEntry> byMn = new ConcurrentHashMap<>();
    /** MN → park → point: a logger on TCP names only its MN. */
    private final Map<String, Map<String, PointEntry>> mnParks = new ConcurrentHashMap<>();
    private final Map<String, PointEntry> vehicles = new ConcurrentHashMap<>();
    private final Map<String, PointEntry> byTerminal = new ConcurrentHashMap<>();

    /**
     * A view holding these points (tests, tools, benchmarks), each point's park and enterprise
     * registered implicitly.
     */
    public static RegistryView of(Collection<PointEntry> points) {
        RegistryView view = new RegistryView();
        for (PointEntry point : points) {
            List.of(RegistryRecord.of(new ParkEntry(point.park(), point.park())),
                RegistryRecord.of(new EnterpriseEntry(point.park(), point.enterprise(), null, null)),
                RegistryRecord.of(point)).forEach(record -> view.apply(record.key(), record));
        }
        return view;
    }

    /** Applies one record of the topic; keys other than park/enterprise/point ones are ignored. */
    public void apply(String key, RegistryRecord record) {
        RegistryKeys.Kind kind = RegistryKeys.kindOf(key);
        if (kind == null) {
            return;
        }
        String id = RegistryKeys.idOf(key);
        if (kind == RegistryKeys.Kind.PARK) {
            if (record == null || record.park() == null) {
                parks.remove(id);
            } else {
                parks.put(id, record.park());
            }
        } else if (kind == RegistryKeys.Kind.ENTERPRISE) {
            if (record == null || record.enterprise() == null) {
                enterprises.remove(id);
            } else {
                enterprises.put(id, record.enterprise());
            }
        } else {
            PointEntry added = record == null ? null : record.point();
            PointEntry removed = added == null ? points.remove(id) : points.put(id, added);
            if (removed != null) {
                unindex(removed);
            }
            if (added != null) {
                index(added);
            }
        }
    }

    private void index(PointEntry point) {
        if (point.hj212Mn() != null) {
            byMn.put(point.park() + '/' + point.hj212Mn(), point);
            mnParks.computeIfAbsent(point.hj212Mn(), mn -> new ConcurrentHashMap<>()).put(point.park(), point);
        }
        if (isVehicle(point)) {
            vehicles.put(point.park() + '/' + point.id(), point);
            if (point.jt808Terminal() != null) {
                byTerminal.put(point.jt808Terminal(), point);
            }
        }
    }

    private void unindex(PointEntry point) {
        if (point.hj212Mn() != null) {
            byMn.remove(point.park() + '/' + point.hj212Mn(), point);
            mnParks.computeIfPresent(point.hj212Mn(), (mn, parks) -> {
                parks.remove(point.park(), point);
                return parks.isEmpty() ? null : parks;
            });
        }
        if (isVehicle(point)) {
            vehicles.remove(point.park() + '/' + point.id(), point);
            if (point.jt808Terminal() != null) {
                byTerminal.remove(point.jt808Terminal(), point);
            }
        }
    }

    private static boolean isVehicle(PointEntry point) {
        return point.isVehicle() || point.pointKind().map(PointKind::isVehicle).orElse(false);
    }

    public int size() {
        return parks.size() + enterprises.size() + points.size();
    }

    @Override
    public boolean knowsPark(String park) {
        return parks.containsKey(park);
    }

    @Override
    public boolean knowsEnterprise(String park, String enterprise) {
        return enterprises.containsKey(RegistryKeys.enterpriseId(park, enterprise));
    }

    @Override
    public Optional<PointEntry> point(String park, String enterprise, String point) {
        return Optional.ofNullable(points.get(PointKey.text(park, enterprise, point)));
    }

    @Override
    public Optional<PointEntry> pointByMn(String park, String mn) {
        return Optional.ofNullable(byMn.get(park + '/' + mn));
    }

    @Override
    public List<PointEntry> pointsByMn(String mn) {
        Map<String, PointEntry> parks = mnParks.get(mn);
        return parks == null ? List.of() : List.copyOf(parks.values());
    }

    @Override
    public Optional<PointEntry> vehicle(String park, String vehicle) {
        return Optional.ofNullable(vehicles.get(park + '/' + vehicle));
    }

    @Override
    public Optional<PointEntry> vehicleByTerminal(String terminal) {
        return Optional.ofNullable(byTerminal.get(terminal));
    }
}
