package io.parkwatch.console.emissions.totals;

/** One metric's hourly window as the sink stores it: mean, number of values, how many flagged N. */
public record HourWindow(double mean, long count, long goodCount) {
}
