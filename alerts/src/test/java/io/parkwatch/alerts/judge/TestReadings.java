package io.parkwatch.alerts.judge;

import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Position;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import java.time.Instant;

/** Readings for threshold tests: park p, enterprise e. */
public final class TestReadings {

    private TestReadings() {
    }

    public static Reading value(String point, Domain domain, String metric, double value, String unit, Instant at,
                         Quality quality) {
        return new Reading(point + "|" + metric + "|" + at.toEpochMilli(), "p", "e", point, domain, metric, value,
            null, unit, at, at, quality, SourceFormat.HJ212);
    }

    public static Reading emission(String metric, double value, Instant at) {
        String unit = metric.startsWith("a19001") ? "%" : "mg/m3";
        return value("stack-1", Domain.EMISSIONS, metric, value, unit, at, Quality.N);
    }

    public static Reading gas(String metric, double value, String unit, Instant at) {
        return value("det-1", Domain.SAFETY, metric, value, unit, at, Quality.N);
    }

    public static Reading position(long alarmBits, Instant at) {
        return new Reading("v1|" + at.toEpochMilli(), "p", "fleet", "v1", Domain.LOGISTICS, "position", null,
            new Position(43.9, 116.0, 30, 90, 1000, alarmBits, 2), "", at, at, Quality.N, SourceFormat.JT808);
    }
}
