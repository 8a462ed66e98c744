package io.parkwatch.console.points;

import io.parkwatch.console.influxql.ChunkedInfluxQl;
import io.parkwatch.console.influxql.InfluxQl;
import io.parkwatch.console.influxql.InfluxQueryException;
import io.parkwatch.contracts.influx.InfluxSchema;
import io.parkwatch.contracts.reading.PointKey;
import io.parkwatch.contracts.registry.RegistryKeys;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Last reading times from the raw readings and positions, within a look-back (a point silent for
 * longer has no time: the console shows "no reading within" it). Keys go into the statement
 * only as quoted literals, in batches so that one statement stays short.
 */
public final class InfluxQlLastReadings implements LastReadings {

    static final int BATCH = 100;

    private final ChunkedInfluxQl influx;
    private final Duration lookBack;

    public InfluxQlLastReadings(ChunkedInfluxQl influx, Duration lookBack) {
        this.influx = influx;
        this.lookBack = lookBack;
    }

    @Override
    public Map<String, Instant> lastOf(String park, List<String> keys) throws InfluxQueryException, IOException {
        Map<String, Instant> seen = new HashMap<>();
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
            influx.query(statement(park, batch, lookBack), row -> {
                String enterprise = row.tag(InfluxSchema.TAG_ENTERPRISE);
                Instant at = Instant.parse(row.text("time"));
                seen.merge(PointKey.text(park, enterprise, row.tag(InfluxSchema.TAG_POINT)), at, InfluxQlLastReadings::later);
                seen.merge(RegistryKeys.enterpriseId(park, enterprise), at, InfluxQlLastReadings::later);
            });
        }
        Map<String, Instant> found = new HashMap<>();
        keys.forEach(key -> {
            Instant at = seen.get(key);
            if (at != null) {
                found.put(key, at);
            }
        });
        return found;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static String statement(String park, List<String> keys, Duration lookBack) {
        List<String> members = new ArrayList<>();
        for (String key : keys) {
            String enterpriseId = PointKey.enterpriseOf(key);
            String point = PointKey.pointOf(key);
            String enterprise = InfluxQl.tagEquals(InfluxSchema.TAG_ENTERPRISE, enterpriseId == null ? "" : enterpriseId);
            members.add(point != null
                ? "(" + enterprise + " AND " + InfluxQl.tagEquals(InfluxSchema.TAG_POINT, point) + ")"
                : enterprise);
        }
        return "SELECT last(" + InfluxQl.identifier(InfluxSchema.FIELD_MESSAGE_ID) + ") FROM "
            + InfluxQl.identifier(InfluxSchema.READING) + ", " + InfluxQl.identifier(InfluxSchema.POSITION)
            + " WHERE " + InfluxQl.tagEquals(InfluxSchema.TAG_PARK, park)
            + " AND time > now() - " + lookBack.toHours() + "h"
            + " AND (" + String.join(" OR ", members) + ")"
            + " GROUP BY " + InfluxQl.identifier(InfluxSchema.TAG_ENTERPRISE) + ", "
            + InfluxQl.identifier(InfluxSchema.TAG_POINT);
    }
}
