package io.parkwatch.console.report;

import io.parkwatch.console.emissions.totals.HourWindow;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The hourly windows of one enterprise's month: per point, per hour, per metric. */
public final class MonthWindows {

    private final Map<String, Map<Instant, Map<String, HourWindow>>> points = new TreeMap<>();

    public void add(String point, Instant hour, String metric, HourWindow window) {
        points.computeIfAbsent(point, p -> new TreeMap<>()).computeIfAbsent(hour, h -> new HashMap<>())
            .put(metric, window);
    }

    /** The point's hours, oldest first, each with its metrics' windows. */
    Map<Instant, Map<String, HourWindow>> hoursOf(String point) {
        return points.getOrDefault(point, Map.of());
    }

    Set<String> metricsOf(String point) {
        Set<String> metrics = new TreeSet<>();
        hoursOf(point).values().forEach(hour -> metrics.addAll(hour.keySet()));
        return metrics;
    }
}
