package io.parkwatch.alerts.coverage;

import io.parkwatch.alerts.influxql.ChunkedInfluxQl;
import io.parkwatch.alerts.influxql.InfluxQueryException;
import io.parkwatch.contracts.influx.InfluxSchema;
import java.io.IOException;

/** Coverage from the {@code coverage} measurement over chunked InfluxQL. */
public final class InfluxQlCoverageHistory implements CoverageHistory {

    private final ChunkedInfluxQl influx;

    public InfluxQlCoverageHistory(ChunkedInfluxQl influx) {
        this.influx = influx;
    }

    @Override
    public void stream(CoverageQuery query, RowConsumer rows) throws InfluxQueryException, IOException {
        influx.query(CoverageStatement.of(query), row -> rows.accept(new CoverageFigure(row.text("time"),
            row.tag(InfluxSchema.TAG_PARK), row.tag(InfluxSchema.TAG_MODULE), row.tag(InfluxSchema.TAG_CLASS),
            row.integer(InfluxSchema.FIELD_REQUIRED), row.integer(InfluxSchema.FIELD_LIVE),
            row.number(InfluxSchema.FIELD_RATIO), row.number(InfluxSchema.FIELD_TARGET),
            row.bool(InfluxSchema.FIELD_COMPLIANT))));
    }
}
