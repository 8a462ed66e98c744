package io.parkwatch.console.coverage;

import io.parkwatch.console.influxql.InfluxQl;
import io.parkwatch.contracts.influx.InfluxSchema;
import java.util.ArrayList;
import java.util.List;

/** The InfluxQL of a coverage query: the newest row per park × module × class, or all rows in a range. */
final class CoverageStatement {

    private CoverageStatement() {
    }

    static String of(CoverageQuery query) {
        List<String> conditions = new ArrayList<>();
        query.park().ifPresent(park -> conditions.add(InfluxQl.tagEquals(InfluxSchema.TAG_PARK, park)));
        query.from().ifPresent(from -> conditions.add(InfluxQl.timeRange(from, query.to())));
        String select = "SELECT " + String.join(", ", InfluxQl.identifier(InfluxSchema.FIELD_REQUIRED),
            InfluxQl.identifier(InfluxSchema.FIELD_LIVE), InfluxQl.identifier(InfluxSchema.FIELD_RATIO),
            InfluxQl.identifier(InfluxSchema.FIELD_TARGET), InfluxQl.identifier(InfluxSchema.FIELD_COMPLIANT))
            + " FROM " + InfluxQl.identifier(InfluxSchema.COVERAGE)
            + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
            + " GROUP BY " + String.join(", ", InfluxQl.identifier(InfluxSchema.TAG_PARK),
                InfluxQl.identifier(InfluxSchema.TAG_MODULE), InfluxQl.identifier(InfluxSchema.TAG_CLASS));
        return query.history() ? select : select + " ORDER BY time DESC LIMIT 1";
    }
}
