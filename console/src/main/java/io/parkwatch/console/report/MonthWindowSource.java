package io.parkwatch.console.report;

import io.parkwatch.console.influxql.InfluxQueryException;
import java.io.IOException;

/** Reads the hourly windows of every metric of one enterprise over one month. */
@FunctionalInterface
public interface MonthWindowSource {

    MonthWindows read(MonthlyQuery query) throws InfluxQueryException, IOException;
}
