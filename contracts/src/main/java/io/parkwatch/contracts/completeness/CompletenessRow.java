package io.parkwatch.contracts.completeness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Daily data completeness of one point, or its roll-up over an enterprise or a park, for one
 * day of the park's time zone. Counts are in reporting slots (one per expected interval), so a
 * point that sends several metrics per report, or a redelivered message, is not counted twice.
 *
 * @param level           {@code point}, {@code enterprise} or {@code park}
 * @param enterprise      null on park rows
 * @param point           null unless {@code level} is {@code point}
 * @param dayStart        the day's first instant in the park's zone (the InfluxDB timestamp)
 * @param expected        slots expected so far this day (the whole day once it has ended)
 * @param received        slots with at least one record
 * @param normal          slots whose records are all normal (quality N)
 * @param ratedHours      ended hours judged by the HJ 212 flue-gas rule; 0 where it does not apply
 * @param validHours      of those, hours with at least 75 % normal values
 * @param ratioTarget     the completeness target (0.9 for key energy users' meters), null if none
 * @param validHourTarget the valid-hour share target for flue-gas points, null if none
 * @param points          points rolled up (1 on point rows)
 * @param compliantPoints of those, points meeting their targets (points without a target count as compliant)
 */
public record CompletenessRow(
        String level,
        String park,
        String enterprise,
        String point,
        LocalDate day,
        Instant dayStart,
        long expected,
        long received,
        long normal,
        int ratedHours,
        int validHours,
        Double ratioTarget,
        Double validHourTarget,
        int points,
        int compliantPoints,
        Instant computedAt) {

    public static final String POINT = "point";
    public static final String ENTERPRISE = "enterprise";
    public static final String PARK = "park";

    public CompletenessRow {
        Objects.requireNonNull(level, "level is required");
        Objects.requireNonNull(park, "park is required");
        Objects.requireNonNull(day, "day is required");
        Objects.requireNonNull(dayStart, "dayStart is required");
        Objects.requireNonNull(computedAt, "computedAt is required");
        if (expected < 0 || received < 0 || normal < 0 || normal > received) {
            throw new IllegalArgumentException("counts out of range: expected=" + expected + " received="
                + received + " normal=" + normal);
        }
        if (ratedHours < 0 || validHours < 0 || validHours > ratedHours) {
            throw new IllegalArgumentException("hours out of range: " + validHours + "/" + ratedHours);
        }
    }

    /** Received ÷ expected, at most 1; 1 when nothing was expected yet. */
    public double ratio() {
        return expected == 0 ? 1.0 : Math.min(1.0, (double) received / expected);
    }

    /** Share of rated hours that were valid; null where the hourly rule does not apply. */
    public Double validHourShare() {
        return ratedHours == 0 ? null : (double) validHours / ratedHours;
    }

    /** Every target present is met. */
    public boolean compliant() {
        boolean ratioMet = ratioTarget == null || ratio() >= ratioTarget;
        Double share = validHourShare();
        boolean hoursMet = validHourTarget == null || share == null || share >= validHourTarget;
        return ratioMet && hoursMet;
    }

    /** The Kafka key: {@code park/enterprise/point|day}, {@code park/enterprise|day} or {@code park|day}. */
    public String key() {
        StringBuilder key = new StringBuilder(park);
        if (enterprise != null) {
            key.append('/').append(enterprise);
        }
        if (point != null) {
            key.append('/').append(point);
        }
        return key.append('|').append(day).toString();
    }
}
