package io.parkwatch.console.points;

import java.util.List;

/**
 * What InfluxDB holds for one metric of a point over the asked hours.
 *
 * @param readings  raw readings, oldest first, the newest {@code cap} of them
 * @param truncated whether older readings were left out
 * @param unit      the readings' unit tag, null when they carry none
 * @param domain    the readings' domain tag, null when there are none
 */
public record SeriesData(List<Reading> readings, boolean truncated, List<Hour> hourly, String unit, String domain) {

    public SeriesData {
        readings = List.copyOf(readings);
        hourly = List.copyOf(hourly);
    }

    /** One raw reading; {@code quality} is its HJ 212 flag (N normal). */
    public record Reading(String time, double value, String quality) {
    }

    /** One hourly aggregate. */
    public record Hour(String time, double mean, double min, double max, long count) {
    }
}
