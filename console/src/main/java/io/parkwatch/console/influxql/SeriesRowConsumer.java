package io.parkwatch.console.influxql;

import java.io.IOException;

/** Takes rows as they arrive; an IOException (the client went away) ends the query. */
@FunctionalInterface
public interface SeriesRowConsumer {

    void accept(SeriesRow row) throws IOException;
}
