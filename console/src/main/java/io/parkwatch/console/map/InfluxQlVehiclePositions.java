package io.parkwatch.console.map;

import io.parkwatch.console.influxql.ChunkedInfluxQl;
import io.parkwatch.console.influxql.InfluxQl;
import io.parkwatch.console.influxql.InfluxQueryException;
import io.parkwatch.contracts.influx.InfluxSchema;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Vehicle tracks from the {@code position} measurement (JT/T 808 fixes: fields lat, lon, speed,
 * heading), newest first per vehicle series with a per-series LIMIT, so the answer is bounded by
 * vehicles × fixes.
 */
public final class InfluxQlVehiclePositions implements VehiclePositions {

    private final ChunkedInfluxQl influx;

    public InfluxQlVehiclePositions(ChunkedInfluxQl influx) {
        this.influx = influx;
    }

    @Override
    public List<VehicleTrack> tracks(String park, Duration within, int fixes) throws InfluxQueryException, IOException {
        Map<String, List<VehicleTrack.Fix>> byVehicle = new LinkedHashMap<>();
        Map<String, String> enterpriseOf = new LinkedHashMap<>();
        influx.query(statement(park, within, fixes), row -> {
            String vehicle = row.tag(InfluxSchema.TAG_POINT);
            enterpriseOf.putIfAbsent(vehicle, row.tag(InfluxSchema.TAG_ENTERPRISE));
            byVehicle.computeIfAbsent(vehicle, v -> new ArrayList<>()).add(new VehicleTrack.Fix(row.text("time"),
                row.number(InfluxSchema.FIELD_LATITUDE), row.number(InfluxSchema.FIELD_LONGITUDE),
                row.number(InfluxSchema.FIELD_SPEED), row.number(InfluxSchema.FIELD_HEADING)));
        });
        List<VehicleTrack> tracks = new ArrayList<>();
        byVehicle.forEach((vehicle, newestFirst) -> {
            List<VehicleTrack.Fix> track = new ArrayList<>(newestFirst.stream()
                .filter(fix -> Double.isFinite(fix.lat()) && Double.isFinite(fix.lon())).toList());
            Collections.reverse(track);
            if (!track.isEmpty()) {
                tracks.add(new VehicleTrack(enterpriseOf.get(vehicle), vehicle, track));
            }
        });
        return tracks;
    }

    static String statement(String park, Duration within, int fixes) {
        return "SELECT " + String.join(", ", q(InfluxSchema.FIELD_LATITUDE), q(InfluxSchema.FIELD_LONGITUDE),
                q(InfluxSchema.FIELD_SPEED), q(InfluxSchema.FIELD_HEADING))
            + " FROM " + q(InfluxSchema.POSITION) + " WHERE " + InfluxQl.tagEquals(InfluxSchema.TAG_PARK, park)
            + " AND time > now() - " + within.toSeconds() + "s"
            + " GROUP BY " + q(InfluxSchema.TAG_ENTERPRISE) + ", " + q(InfluxSchema.TAG_POINT)
            + " ORDER BY time DESC LIMIT " + fixes;
    }

    private static String q(String name) {
        return InfluxQl.identifier(name);
    }
}
