package io.parkwatch.contracts.registry;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The time zone each park counts its days in (daily completeness, emission history, local times
 * in queries): the zone of the park's registry entry, {@link #DEFAULT} when a park entry names
 * none. As a lookup, a park the registry does not list (or a question about no park in
 * particular) gets the lookup's fallback.
 */
public final class ParkZones {

    /** The default zone's id, for places that need a constant text (option defaults). */
    public static final String DEFAULT_ID = "Asia/Shanghai";
    /** China Standard Time: the zone of a park entry that names none. */
    public static final ZoneId DEFAULT = ZoneId.of(DEFAULT_ID);

    private final Function<String, Optional<ParkEntry>> parks;
    private final ZoneId fallback;

    /** Zones looked up in {@code parks} by park id; {@code fallback} for a park not there. */
    public ParkZones(Function<String, Optional<ParkEntry>> parks, ZoneId fallback) {
        this.parks = Objects.requireNonNull(parks, "parks");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** One zone for every park. */
    public static ParkZones fixed(ZoneId zone) {
        return new ParkZones(park -> Optional.empty(), zone);
    }

    /** The zone of a park entry: its own, {@link #DEFAULT} when it names none. */
    public static ZoneId of(ParkEntry park) {
        return park == null || park.timeZone() == null ? DEFAULT : park.timeZone();
    }

    /** The zone of the park {@code park}; the fallback when it is null or the registry does not list it. */
    public ZoneId zoneOf(String park) {
        return park == null ? fallback : parks.apply(park).map(ParkZones::of).orElse(fallback);
    }

    public ZoneId zoneOf(Optional<String> park) {
        return zoneOf(park.orElse(null));
    }

    public ZoneId fallback() {
        return fallback;
    }
}
