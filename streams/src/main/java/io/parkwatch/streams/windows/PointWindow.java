package io.parkwatch.streams.windows;

import io.parkwatch.contracts.reading.Reading;
import java.util.List;

/**
 * The running state of one window at one point: one {@link WindowStats} per metric. Readings are
 * keyed and partitioned by point, so keeping a point's metrics in one value lets the windows be
 * aggregated where the readings arrive, with no repartition topic between.
 */
public record PointWindow(List<WindowStats> metrics) {

    public PointWindow {
        metrics = List.copyOf(metrics);
    }

    public static PointWindow empty() {
        return new PointWindow(List.of());
    }

    public PointWindow add(Reading reading) {
        int size = metrics.size();
        for (int i = 0; i < size; i++) {
            if (metrics.get(i).metric().equals(reading.metric())) {
                WindowStats[] next = metrics.toArray(new WindowStats[size]);
                next[i] = next[i].add(reading);
                return new PointWindow(List.of(next));
            }
        }
        WindowStats[] next = metrics.toArray(new WindowStats[size + 1]);
        next[size] = WindowStats.empty().add(reading);
        return new PointWindow(List.of(next));
    }
}
