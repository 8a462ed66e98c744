package io.parkwatch.console.overview;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.domain.InfluxQLQuery;
import com.influxdb.query.InfluxQLQueryResult;
import io.parkwatch.contracts.influx.InfluxSchema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts recent readings with InfluxQL, the query language InfluxDB 1.x, 2.x (v1 API) and 3.x
 * all answer.
 */
public final class InfluxQlPipelineOverview implements PipelineOverview {

    private static final String WINDOW = "5m";

    private final InfluxDBClient client;
    private final String database;
    private final Clock clock;

    public InfluxQlPipelineOverview(InfluxDBClient client, String database, Clock clock) {
        this.client = client;
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Overview current() {
        String query = "SELECT count(" + InfluxSchema.FIELD_VALUE + ") FROM " + InfluxSchema.READING
            + " WHERE time > now() - " + WINDOW + " GROUP BY " + InfluxSchema.TAG_PARK + ", " + InfluxSchema.TAG_DOMAIN;
        InfluxQLQueryResult result = client.getInfluxQLQueryApi().query(new InfluxQLQuery(query, database));
        List<Overview.Row> rows = new ArrayList<>();
        long total = 0;
        for (InfluxQLQueryResult.Result part : result.getResults()) {
            for (InfluxQLQueryResult.Series series : part.getSeries()) {
                for (InfluxQLQueryResult.Series.Record record : series.getValues()) {
                    // The InfluxQL API hands values over as text.
                    long count = Long.parseLong(String.valueOf(record.getValueByKey("count")));
                    rows.add(new Overview.Row(series.getTags().get(InfluxSchema.TAG_PARK),
                        series.getTags().get(InfluxSchema.TAG_DOMAIN), count));
                    total += count;
                }
            }
        }
        rows.sort(Comparator.comparing(Overview.Row::park).thenComparing(Overview.Row::domain));
        return new Overview(WINDOW, total, rows, clock.instant());
    }
}
