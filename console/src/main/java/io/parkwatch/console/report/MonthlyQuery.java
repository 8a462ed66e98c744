package io.parkwatch.console.report;

import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.QueryParameters;
import io.parkwatch.contracts.registry.ParkZones;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request for one enterprise's monthly report: {@code enterprise=PARK/ENT}, {@code month=YYYY-MM},
 * {@code format=json|csv}. The month runs midnight to midnight in the park's zone.
 */
public record MonthlyQuery(String park, String enterprise, YearMonth month, ZoneId zone, boolean csv) {

    public static final Set<String> PARAMETERS = Set.of("enterprise", "month", "format");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");

    public static MonthlyQuery parse(QueryParameters params, ParkZones zones) throws BadParameterException {
        String asked = params.text("enterprise").orElseThrow(() -> new BadParameterException("enterprise",
            "enterprise is required, as PARK/ENTERPRISE (e.g. otog/c05)"));
        String[] parts = asked.split("/", -1);
        if (parts.length != 2 || !ID.matcher(parts[0]).matches() || !ID.matcher(parts[1]).matches()) {
            throw new BadParameterException("enterprise", "enterprise must be PARK/ENTERPRISE, each 1-64 letters, "
                + "digits or _ . : -, got \"" + asked + "\"");
        }
        YearMonth month = month(params.text("month").orElseThrow(() -> new BadParameterException("month",
            "month is required, as YYYY-MM")));
        String format = params.text("format").orElse("json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw new BadParameterException("format", "format must be json or csv, got \"" + format + "\"",
                List.of("json", "csv"));
        }
        return new MonthlyQuery(parts[0], parts[1], month, zones.zoneOf(parts[0]), format.equals("csv"));
    }

    /** A month as {@code YYYY-MM}. */
    public static YearMonth month(String text) throws BadParameterException {
        try {
            if (!MONTH.matcher(text).matches()) {
                throw new DateTimeParseException("not YYYY-MM", text, 0);
            }
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadParameterException("month", "month must be YYYY-MM, got \"" + text + "\"");
        }
    }

    /** The month's first instant in the park's zone. */
    public Instant from() {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The next month's first instant: the month is {@code [from, to)}. */
    public Instant to() {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }
}
