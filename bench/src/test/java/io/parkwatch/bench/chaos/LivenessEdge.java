package io.parkwatch.bench.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The points whose liveness at an instant depends on when the park stage learnt of their readings,
 * not on the readings themselves. The point stage tells the park stage a last good reading at once
 * when it is a cadence or more newer than the last one told, else at its next cadence; and the hop
 * between the stages, or a stage catching up, takes a moment. So at instant {@code t} the park stage
 * knows, of each point, a reading no older than one cadence before the newest good reading recorded
 * {@code margin} before {@code t}, and none recorded after {@code t}. A point is at its edge when those
 * two bounds disagree on whether it is live (younger than its window); off the edge, any instance, one
 * or two, with or without kills, counts it the same.
 */
final class LivenessEdge {

    /** One good reading: its point, its record time in Kafka and its time for liveness. */
    record Good(String pointKey, long recordTime, Instant at) {
    }

    private LivenessEdge() {
    }

    static Set<String> pointsAt(List<Good> readings, Map<String, Duration> windows, Instant t, Duration cadence,
                                Duration margin) {
        long until = t.toEpochMilli();
        long sureUntil = t.minus(margin).toEpochMilli();
        Map<String, Instant> newest = new HashMap<>();
        Map<String, Instant> newestSure = new HashMap<>();
        for (Good good : readings) {
            if (good.recordTime() < until) {
                newest.merge(good.pointKey(), good.at(), LivenessEdge::later);
            }
            if (good.recordTime() < sureUntil) {
                newestSure.merge(good.pointKey(), good.at(), LivenessEdge::later);
            }
        }
        Set<String> edge = new TreeSet<>();
        windows.forEach((point, window) -> {
            boolean liveAtMost = live(newest.get(point), t, window);
            Instant sure = newestSure.get(point);
            boolean liveAtLeast = live(sure == null ? null : sure.minus(cadence), t, window);
            if (liveAtMost != liveAtLeast) {
                edge.add(point);
            }
        });
        return edge;
    }

    /** As {@code CoverageCalculator.isLive}: younger than the window. */
    private static boolean live(Instant lastGood, Instant t, Duration window) {
        return lastGood != null && Duration.between(lastGood, t).compareTo(window) < 0;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
