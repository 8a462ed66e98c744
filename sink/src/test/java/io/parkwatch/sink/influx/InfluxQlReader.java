package io.parkwatch.sink.influx;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.domain.InfluxQLQuery;
import com.influxdb.query.InfluxQLQueryResult;
import java.util.ArrayList;
import java.util.List;

/** Reads back through influxdb-client-java's InfluxQL API, the query path the design prescribes. */
final class InfluxQlReader implements AutoCloseable {

    private final InfluxDBClient client;

    InfluxQlReader(String url) {
        // influxd runs without auth here; no credentials, no org, no bucket needed for InfluxQL.
        this.client = InfluxDBClientFactory.create(InfluxDBClientOptions.builder().url(url).build());
    }

    /** The single value of a one-row query such as {@code SELECT count(v) FROM m}; 0 when no series. */
    long count(String database, String influxQl) {
        List<Object[]> rows = rows(database, influxQl, InfluxQLQuery.InfluxQLPrecision.NANOSECONDS);
        return rows.isEmpty() ? 0 : Long.parseLong(String.valueOf(rows.get(0)[1]));
    }

    /** Every row of every series; column 0 is the time in {@code precision}. */
    List<Object[]> rows(String database, String influxQl, InfluxQLQuery.InfluxQLPrecision precision) {
        InfluxQLQuery query = new InfluxQLQuery(influxQl, database).setPrecision(precision);
        InfluxQLQueryResult result = client.getInfluxQLQueryApi().query(query);
        List<Object[]> rows = new ArrayList<>();
        for (InfluxQLQueryResult.Result statement : result.getResults()) {
            for (InfluxQLQueryResult.Series series : statement.getSeries()) {
                series.getValues().forEach(record -> rows.add(record.getValues()));
            }
        }
        return rows;
    }

    @Override
    public void close() {
        client.close();
    }
}
