package io.parkwatch.console.emissions;

import io.parkwatch.console.influxql.InfluxQueryException;
import java.io.IOException;

/** Reads emission history, handing rows over as they are read. */
public interface EmissionHistory {

    /** Streams the rows of {@code query}; an IOException from {@code rows} ends the read. */
    void stream(EmissionQuery query, RowConsumer rows) throws InfluxQueryException, IOException;

    /** Takes one row. */
    @FunctionalInterface
    interface RowConsumer {
        void accept(EmissionRow row) throws IOException;
    }
}
