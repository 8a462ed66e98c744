package io.parkwatch.cli.demo;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.domain.InfluxQLQuery;
import com.influxdb.query.InfluxQLQueryResult;
import io.parkwatch.contracts.influx.InfluxSchema;
import io.parkwatch.transport.retry.Backoff;
import java.time.Duration;

/** Counts the readings in InfluxDB with InfluxQL: how the demo knows data flows end to end. */
final class ReadingCounter {

    private final String url;
    private final String database;

    ReadingCounter(String url, String database) {
        this.url = url;
        this.database = database;
    }

    long count() {
        try (InfluxDBClient client = InfluxDBClientFactory.createV1(url, null, null, database, null)) {
            InfluxQLQueryResult result = client.getInfluxQLQueryApi().query(new InfluxQLQuery(
                "SELECT count(" + InfluxSchema.FIELD_VALUE + ") FROM " + InfluxSchema.READING, database));
            long total = 0;
            for (InfluxQLQueryResult.Result part : result.getResults()) {
                for (InfluxQLQueryResult.Series series : part.getSeries()) {
                    for (InfluxQLQueryResult.Series.Record record : series.getValues()) {
                        total += Long.parseLong(String.valueOf(record.getValueByKey("count")));
                    }
                }
            }
            return total;
        }
    }

    long awaitAtLeast(long wanted, Duration timeout, Backoff backoff) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long count = 0;
        for (int attempt = 1; System.nanoTime() < deadline; attempt++) {
            count = count();
            if (count >= wanted) {
                return count;
            }
            Thread.sleep(backoff.delay(attempt).toMillis());
        }
        throw new IllegalStateException("no readings reached InfluxDB within " + timeout + " (count " + count
            + "); see the log above for the stage that failed");
    }
}
