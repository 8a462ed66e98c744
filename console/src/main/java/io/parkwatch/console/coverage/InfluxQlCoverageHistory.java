package io.parkwatch.console.coverage;

import com.influxdb.client.InfluxQLQueryApi;
import com.influxdb.client.domain.InfluxQLQuery;
import com.influxdb.exceptions.InfluxException;
import com.influxdb.query.InfluxQLQueryResult;
import io.parkwatch.console.influxql.ChunkedInfluxQl;
import io.parkwatch.console.influxql.InfluxQueryException;
import io.parkwatch.contracts.influx.InfluxSchema;
import java.io.IOException;
import java.time.Instant;

/**
 * Coverage from the {@code coverage} measurement. The current view (one row per park × module ×
 * class) goes through influxdb-client-java's InfluxQL API; history, which can be long, through
 * the chunked reader: the client's InfluxQL API reads a whole answer into memory before it
 * returns (it has no chunked mode), which is fine for a few dozen rows and not for a year.
 */
public final class InfluxQlCoverageHistory implements CoverageHistory {

    private final ChunkedInfluxQl chunked;
    private final InfluxQLQueryApi client;
    private final String database;

    public InfluxQlCoverageHistory(ChunkedInfluxQl chunked, InfluxQLQueryApi client, String database) {
        this.chunked = chunked;
        this.client = client;
        this.database = database;
    }

    @Override
    public void stream(CoverageQuery query, RowConsumer rows) throws InfluxQueryException, IOException {
        if (query.history()) {
            chunked.query(CoverageStatement.of(query), row -> rows.accept(new CoverageFigure(row.text("time"),
                row.tag(InfluxSchema.TAG_PARK), row.tag(InfluxSchema.TAG_MODULE), row.tag(InfluxSchema.TAG_CLASS),
                row.integer(InfluxSchema.FIELD_REQUIRED), row.integer(InfluxSchema.FIELD_LIVE),
                row.number(InfluxSchema.FIELD_RATIO), row.number(InfluxSchema.FIELD_TARGET),
                row.bool(InfluxSchema.FIELD_COMPLIANT))));
        } else {
            current(query, rows);
        }
    }

    private void current(CoverageQuery query, RowConsumer rows) throws InfluxQueryException, IOException {
        InfluxQLQueryResult result;
        try {
            result = client.query(new InfluxQLQuery(CoverageStatement.of(query), database));
        } catch (InfluxException e) {
            throw new InfluxQueryException("InfluxDB failed the coverage query: " + e.getMessage(), e);
        }
        for (InfluxQLQueryResult.Result part : result.getResults()) {
            for (InfluxQLQueryResult.Series series : part.getSeries()) {
                for (InfluxQLQueryResult.Series.Record record : series.getValues()) {
                    rows.accept(new CoverageFigure(time(text(record, "time")),
                        series.getTags().get(InfluxSchema.TAG_PARK), series.getTags().get(InfluxSchema.TAG_MODULE),
                        series.getTags().get(InfluxSchema.TAG_CLASS),
                        Long.parseLong(text(record, InfluxSchema.FIELD_REQUIRED)),
                        Long.parseLong(text(record, InfluxSchema.FIELD_LIVE)),
                        Double.parseDouble(text(record, InfluxSchema.FIELD_RATIO)),
                        Double.parseDouble(text(record, InfluxSchema.FIELD_TARGET)),
                        Boolean.parseBoolean(text(record, InfluxSchema.FIELD_COMPLIANT))));
                }
            }
        }
    }

    /** The client hands values over as text, time as epoch nanoseconds (CSV answer). */
    private static String text(InfluxQLQueryResult.Series.Record record, String column) {
        return String.valueOf(record.getValueByKey(column));
    }

    private static String time(String value) {
        return value.chars().allMatch(Character::isDigit)
            ? Instant.EPOCH.plusNanos(Long.parseLong(value)).toString() : value;
    }
}
