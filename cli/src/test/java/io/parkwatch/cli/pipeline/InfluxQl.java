package io.parkwatch.cli.pipeline;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.domain.InfluxQLQuery;
import com.influxdb.query.InfluxQLQueryResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs an InfluxQL query and flattens the result into rows of column → value, tags included. */
final class InfluxQl {

    private InfluxQl() {
    }

    static List<Map<String, Object>> rows(String url, String database, String query) {
        try (InfluxDBClient client = InfluxDBClientFactory.createV1(url, null, null, database, null)) {
            InfluxQLQueryResult result = client.getInfluxQLQueryApi().query(new InfluxQLQuery(query, database));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (InfluxQLQueryResult.Result part : result.getResults()) {
                for (InfluxQLQueryResult.Series series : part.getSeries()) {
                    for (InfluxQLQueryResult.Series.Record record : series.getValues()) {
                        Map<String, Object> row = new HashMap<>(series.getTags());
                        series.getColumns().keySet().forEach(column -> row.put(column, record.getValueByKey(column)));
                        rows.add(row);
                    }
                }
            }
            return rows;
        }
    }
}
