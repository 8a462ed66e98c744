package io.parkwatch.console.points;

import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.QueryParameters;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A point drill-down request: {@code point=park/enterprise/point} (registry ids), an optional
 * {@code metric}, and {@code hours} back from now (1 to 168, default 24).
 */
public record SeriesQuery(String park, String enterprise, String point, Optional<String> metric, int hours) {

    public static final Set<String> PARAMETERS = Set.of("point", "metric", "hours");
    public static final int DEFAULT_HOURS = 24;
    public static final int MAX_HOURS = 168;

    /** A registry id, as the registry file accepts it. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    public static SeriesQuery parse(QueryParameters params) throws BadParameterException {
        String key = params.text("point").orElseThrow(() -> new BadParameterException("point",
            "point is required: park/enterprise/point"));
        String[] parts = key.split("/", -1);
        if (parts.length != 3 || !ID.matcher(parts[0]).matches() || !ID.matcher(parts[1]).matches()
                || !ID.matcher(parts[2]).matches()) {
            throw new BadParameterException("point", "point must be park/enterprise/point, each a registry id "
                + "(letters, digits, _ and -), got \"" + key + "\"");
        }
        int hours = DEFAULT_HOURS;
        Optional<String> hoursText = params.text("hours");
        if (hoursText.isPresent()) {
            try {
                hours = Integer.parseInt(hoursText.get());
            } catch (NumberFormatException e) {
                hours = -1;
            }
            if (hours < 1 || hours > MAX_HOURS) {
                throw new BadParameterException("hours", "hours must be a whole number from 1 to " + MAX_HOURS
                    + ", got \"" + hoursText.get() + "\"");
            }
        }
        return new SeriesQuery(parts[0], parts[1], parts[2], params.identifier("metric"), hours);
    }

    public String pointKey() {
        return park + '/' + enterprise + '/' + point;
    }
}
