package io.parkwatch.alerts.rule;

import io.parkwatch.contracts.alert.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A vehicle position inside (key-area entry, no-parking zone) or outside (a hazmat route
 * corridor) a polygon. With {@code maxSpeedKmh} only slower positions count, which with the
 * rule's {@code for:} makes a dwell ("parked over 10 minutes").
 *
 * @param area vertices as {latitude, longitude}, in order; the polygon closes itself
 */
public record GeofenceCondition(List<double[]> area, boolean alertInside, Severity severity, Double maxSpeedKmh)
    implements Condition {

    public GeofenceCondition {
        area = List.copyOf(area);
        Objects.requireNonNull(severity, "severity is required");
        if (area.size() < 3) {
            throw new IllegalArgumentException("a geofence area needs at least 3 vertices");
        }
    }

    /** By the vertices' values (arrays compare by identity), so a re-read pack's fence is the same fence. */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof GeofenceCondition that)) {
            return false;
        }
        return alertInside == that.alertInside && severity == that.severity
            && Objects.equals(maxSpeedKmh, that.maxSpeedKmh) && area.size() == that.area.size()
            && Arrays.deepEquals(area.toArray(), that.area.toArray());
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.deepHashCode(area.toArray()), alertInside, severity, maxSpeedKmh);
    }

    /** Ray casting; good enough for park-sized polygons, where the earth is flat. */
    public boolean contains(double latitude, double longitude) {
        boolean inside = false;
        for (int i = 0, j = area.size() - 1; i < area.size(); j = i++) {
            double[] a = area.get(i);
            double[] b = area.get(j);
            if ((a[1] > longitude) != (b[1] > longitude)
                && latitude < (b[0] - a[0]) * (longitude - a[1]) / (b[1] - a[1]) + a[0]) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** The severity for this position, or null when it is no problem. */
    public Severity judge(double latitude, double longitude, double speedKmh) {
        boolean slowEnough = maxSpeedKmh == null || speedKmh <= maxSpeedKmh;
        return contains(latitude, longitude) == alertInside && slowEnough ? severity : null;
    }
}
