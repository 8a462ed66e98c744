package io.parkwatch.console.coverage;

import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.QueryParameters;
import io.parkwatch.contracts.registry.ParkZones;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * A coverage request: without {@code from} the current row per series, with it the history
 * from {@code from} to {@code to} (default now).
 */
public record CoverageQuery(Optional<String> park, Optional<Instant> from, Instant to) {

    public static final Set<String> PARAMETERS = Set.of("park", "from", "to");

    /** Reads the parameters; local times are in the zone of the park asked for. */
    public static CoverageQuery parse(QueryParameters params, ParkZones zones, Clock clock) throws BadParameterException {
        Optional<String> park = params.identifier("park");
        ZoneId zone = zones.zoneOf(park);
        Optional<Instant> from = params.instant("from", zone);
        Optional<Instant> to = params.instant("to", zone);
        if (to.isPresent() && from.isEmpty()) {
            throw new BadParameterException("from", "to needs from: give from to read the history");
        }
        Instant end = to.orElse(clock.instant());
        if (from.isPresent() && !from.get().isBefore(end)) {
            throw new BadParameterException("from", "from (" + from.get() + ") must be before to (" + end + ")");
        }
        return new CoverageQuery(park, from, end);
    }

    public boolean history() {
        return from.isPresent();
    }
}
