package io.parkwatch.ingest.directory;

import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryRecord;
import java.util.Collection;
import java.util.Optional;

/**
 * A directory fixed at start-up from a list of registry points (tests, tools): the same
 * {@link RegistryView} the Kafka-backed directory keeps, with each point's park and enterprise
 * registered implicitly.
 */
public final class StaticPointDirectory implements PointDirectory {

    private final RegistryView view = new RegistryView();

    public StaticPointDirectory(Collection<PointEntry> entries) {
        for (PointEntry point : entries) {
            apply(RegistryRecord.of(new ParkEntry(point.park(), point.park())));
            apply(RegistryRecord.of(new EnterpriseEntry(point.park(), point.enterprise(), null, null)));
            apply(RegistryRecord.of(point));
        }
    }

    private void apply(RegistryRecord record) {
        view.apply(record.key(), record);
    }

    @Override
    public boolean knowsPark(String park) {
        return view.knowsPark(park);
    }

    @Override
    public boolean knowsEnterprise(String park, String enterprise) {
        return view.knowsEnterprise(park, enterprise);
    }

    @Override
    public Optional<PointEntry> point(String park, String enterprise, String point) {
        return view.point(park, enterprise, point);
    }

    @Override
    public Optional<PointEntry> pointByMn(String park, String mn) {
        return view.pointByMn(park, mn);
    }

    @Override
    public Optional<PointEntry> vehicle(String park, String vehicle) {
        return view.vehicle(park, vehicle);
    }
}
