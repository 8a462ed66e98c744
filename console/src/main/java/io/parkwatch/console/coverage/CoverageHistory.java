package io.parkwatch.console.coverage;

import io.parkwatch.console.influxql.InfluxQueryException;
import java.io.IOException;

/** Reads plan coverage, handing rows over as they are read. */
public interface CoverageHistory {

    void stream(CoverageQuery query, RowConsumer rows) throws InfluxQueryException, IOException;

    /** Takes one row. */
    @FunctionalInterface
    interface RowConsumer {
        void accept(CoverageFigure row) throws IOException;
    }
}
