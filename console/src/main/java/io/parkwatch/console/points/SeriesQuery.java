package io.parkwatch.console.points;

import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.QueryParameters;
import io.parkwatch.contracts.reading.PointKey;
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
        PointKey point = pointKey(key);
        if (point == null || !ID.matcher(point.park()).matches() || !ID.matcher(point.enterprise()).matches()
                || !ID.matcher(point.point()).matches()) {
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
        return new SeriesQuery(point.park(), point.enterprise(), point.point(), params.identifier("metric"), hours);
    }

    public String pointKey() {
        return PointKey.text(park, enterprise, point);
    }

    private static PointKey pointKey(String text) {
        try {
            return PointKey.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
