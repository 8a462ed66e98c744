package io.parkwatch.alerts.state;

/**
 * The running sums of one window of one metric for one (point, rule), as kept in the window store.
 * Only normal values enter {@code sum}; {@code count} counts them all, for the valid share.
 */
public record WindowMean(String park, String enterprise, String pointKey, String ruleId, String metric,
                         String unit, long start, long end, double sum, long count, long goodCount) {

    public WindowMean add(double value, boolean good) {
        return new WindowMean(park, enterprise, pointKey, ruleId, metric, unit, start, end,
            good ? sum + value : sum, count + 1, good ? goodCount + 1 : goodCount);
    }

    /** Mean of the normal values, or NaN when there are too few of them to judge. */
    public double mean(double minValidShare) {
        if (goodCount == 0 || goodCount < minValidShare * count) {
            return Double.NaN;
        }
        return sum / goodCount;
    }
}
