package io.parkwatch.console.emissions.totals;

import io.parkwatch.console.influxql.InfluxQueryException;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Consumer;

/** Reads the hourly emissions of a query's points and pollutants over {@code [from, to)}. */
@FunctionalInterface
public interface HourlyEmissionSource {

    void read(TotalsQuery query, Instant from, Instant to, Consumer<HourlyEmission> hours)
        throws InfluxQueryException, IOException;
}
