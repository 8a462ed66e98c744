package io.parkwatch.ingest.directory;

import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A directory fixed at start-up, from a list of registry points. */
public final class StaticPointDirectory implements PointDirectory {

    private final Map<String, PointEntry> points;
    private final Map<String, PointEntry> byMn;
    private final Map<String, PointEntry> vehicles;
    private final Set<String> parks;
    private final Set<String> enterprises;

    public StaticPointDirectory(Collection<PointEntry> entries) {
        this.points = entries.stream().collect(Collectors.toUnmodifiableMap(PointEntry::pointKey, Function.identity()));
        this.byMn = entries.stream().filter(p -> p.hj212Mn() != null)
            .collect(Collectors.toUnmodifiableMap(p -> p.park() + '/' + p.hj212Mn(), Function.identity()));
        this.vehicles = entries.stream().filter(p -> p.module() == Module.LOGISTICS)
            .collect(Collectors.toUnmodifiableMap(p -> p.park() + '/' + p.id(), Function.identity()));
        this.parks = entries.stream().map(PointEntry::park).collect(Collectors.toUnmodifiableSet());
        this.enterprises = entries.stream().map(p -> p.park() + '/' + p.enterprise())
            .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean knowsPark(String park) {
        return parks.contains(park);
    }

    @Override
    public boolean knowsEnterprise(String park, String enterprise) {
        return enterprises.contains(park + '/' + enterprise);
    }

    @Override
    public Optional<PointEntry> point(String park, String enterprise, String point) {
        return Optional.ofNullable(points.get(park + '/' + enterprise + '/' + point));
    }

    @Override
    public Optional<PointEntry> pointByMn(String park, String mn) {
        return Optional.ofNullable(byMn.get(park + '/' + mn));
    }

    @Override
    public Optional<PointEntry> vehicle(String park, String vehicle) {
        return Optional.ofNullable(vehicles.get(park + '/' + vehicle));
    }
}
