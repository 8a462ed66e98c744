package io.parkwatch.console.emissions.totals;

import io.parkwatch.console.emissions.EmissionQuery;
import io.parkwatch.console.emissions.Pollutant;
import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.QueryParameters;
import io.parkwatch.contracts.registry.ParkZones;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One request for emission totals, validated: which points and pollutants (as for emission
 * history), the range (default: from the start of the current year in the park's zone to now)
 * and the period the totals are summed over (default {@code month}).
 */
public record TotalsQuery(Optional<String> park, Optional<String> enterprise, Optional<String> point,
                          List<Pollutant> pollutants, Instant from, Instant to, TotalPeriod period, ZoneId zone) {

    public static final Set<String> PARAMETERS = Set.of("park", "enterprise", "point", "pollutant", "from", "to",
        "period", "tz");

    public TotalsQuery {
        pollutants = List.copyOf(pollutants);
    }

    public static TotalsQuery parse(QueryParameters params, ParkZones parkZones, Clock clock)
            throws BadParameterException {
        String periodText = params.text("period").orElse("month");
        TotalPeriod period = TotalPeriod.parse(periodText).orElseThrow(() -> new BadParameterException("period",
            "period must be one of " + String.join(", ", TotalPeriod.names()) + ", got \"" + periodText + "\"",
            TotalPeriod.names()));
        // The same parameters as emission history, read by the same rules.
        EmissionQuery base = EmissionQuery.parse(params, parkZones, clock);
        Instant from = params.text("from").isPresent() ? base.from()
            : TotalPeriod.yearStart(base.to(), base.zone()).toInstant();
        if (!from.isBefore(base.to())) {
            throw new BadParameterException("from", "from (" + from + ") must be before to (" + base.to() + ")");
        }
        return new TotalsQuery(base.park(), base.enterprise(), base.point(), base.pollutants(), from, base.to(),
            period, base.zone());
    }

    /** The same query confined to one enterprise. */
    public TotalsQuery forEnterprise(String own) {
        return new TotalsQuery(park, Optional.of(own), point, pollutants, from, to, period, zone);
    }

    /** When the allowance is compared: the end of the range, or now when the range runs into the future. */
    public Instant asOf(Instant now) {
        return to.isBefore(now) ? to : now;
    }

    /** Where reading starts: the range's start, or earlier to cover the year to date of {@link #asOf}. */
    public Instant readFrom(Instant now) {
        Instant yearStart = TotalPeriod.yearStart(asOf(now), zone).toInstant();
        return yearStart.isBefore(from) ? yearStart : from;
    }
}
