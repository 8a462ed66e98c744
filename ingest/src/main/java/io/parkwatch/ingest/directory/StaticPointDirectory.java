package io.parkwatch.ingest.directory;

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
    private final Set<String> parks;
    private final Set<String> enterprises;

    public StaticPointDirectory(Collection<PointEntry> entries) {
        this.points = entries.stream().collect(Collectors.toUnmodifiableMap(PointEntry::pointKey, Function.identity()));
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
}
