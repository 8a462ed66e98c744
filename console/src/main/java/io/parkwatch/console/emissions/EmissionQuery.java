package io.parkwatch.console.emissions;

import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.QueryParameters;
import io.parkwatch.contracts.factor.FactorCatalog;
import io.parkwatch.contracts.registry.ParkZones;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One request for emission history, validated.
 *
 * @param enterprise empty for every enterprise the caller may see
 * @param zone       the time zone days run from midnight to midnight in: the park's, or {@code tz}
 */
public record EmissionQuery(Optional<String> park, Optional<String> enterprise, Optional<String> point,
                            List<Pollutant> pollutants, Instant from, Instant to, Interval interval, boolean csv,
                            ZoneId zone) {

    public static final Set<String> PARAMETERS = Set.of("park", "enterprise", "point", "pollutant", "from", "to",
        "interval", "format", "tz");
    /** Without from/to: the last day. */
    static final Duration DEFAULT_SPAN = Duration.ofDays(1);

    public EmissionQuery {
        pollutants = List.copyOf(pollutants);
    }

    /**
     * Reads the parameters; the zone of the park asked for (its registry entry's) applies unless
     * {@code tz} names another.
     */
    public static EmissionQuery parse(QueryParameters params, ParkZones parkZones, Clock clock)
            throws BadParameterException {
        Optional<String> park = params.identifier("park");
        ZoneId zone = zone(params, parkZones.zoneOf(park));
        Instant to = params.instant("to", zone).orElse(clock.instant());
        Instant from = params.instant("from", zone).orElse(to.minus(DEFAULT_SPAN));
        if (!from.isBefore(to)) {
            throw new BadParameterException("from", "from (" + from + ") must be before to (" + to + ")");
        }
        String intervalText = params.text("interval").orElse("1h");
        Interval interval = Interval.parse(intervalText).orElseThrow(() -> new BadParameterException("interval",
            "interval must be one of " + String.join(", ", Interval.names()) + ", got \"" + intervalText + "\"",
            Interval.names()));
        String format = params.text("format").orElse("json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw new BadParameterException("format", "format must be json or csv, got \"" + format + "\"",
                List.of("json", "csv"));
        }
        return new EmissionQuery(park, params.identifier("enterprise"),
            params.identifier("point"), pollutants(params), from, to, interval, format.equals("csv"), zone);
    }

    private static List<Pollutant> pollutants(QueryParameters params) throws BadParameterException {
        Optional<String> text = params.text("pollutant");
        if (text.isEmpty()) {
            return Pollutant.DEFAULTS;
        }
        List<Pollutant> chosen = new ArrayList<>();
        for (String one : text.get().split(",")) {
            List<Pollutant> named = Pollutant.lookup(one, FactorCatalog.hj212());
            if (named.isEmpty()) {
                throw new BadParameterException("pollutant", "unknown pollutant \"" + one.strip()
                    + "\": no HJ 212 factor has that code (2017 or 2005) or name (Chinese or English); "
                    + "list the factors with GET /api/v1/factors, or search them with GET /api/v1/factors?q=<part of a code or name>");
            }
            named.stream().filter(p -> !chosen.contains(p)).forEach(chosen::add);
        }
        return chosen;
    }

    private static ZoneId zone(QueryParameters params, ZoneId parkZone) throws BadParameterException {
        Optional<String> tz = params.text("tz");
        if (tz.isEmpty()) {
            return parkZone;
        }
        try {
            return ZoneId.of(tz.get());
        } catch (java.time.DateTimeException e) {
            throw new BadParameterException("tz", "tz must be a time-zone id such as Asia/Shanghai, got \""
                + tz.get() + "\"");
        }
    }

    /** The same query confined to one enterprise. */
    public EmissionQuery forEnterprise(String own) {
        return new EmissionQuery(park, Optional.of(own), point, pollutants, from, to, interval, csv, zone);
    }
}
