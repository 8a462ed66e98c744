package io.parkwatch.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LivenessEdgeTest {

    private static final Instant T = Instant.parse("2026-12-07T08:10:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Duration CADENCE = Duration.ofSeconds(30);
    private static final Duration MARGIN = Duration.ofSeconds(10);

    @Test
    void steadyNeverReportingAndLongSilentPointsAreOffTheEdge() {
        List<LivenessEdge.Good> goods = new ArrayList<>();
        for (int s = 400; s >= 20; s -= 5) {
            goods.add(good("steady", T.minusSeconds(s)));
        }
        goods.add(good("long-silent", T.minus(WINDOW).minusSeconds(1)));

        assertThat(LivenessEdge.pointsAt(goods, windows("steady", "never", "long-silent"), T, CADENCE, MARGIN))
            .isEmpty();
    }

    @Test
    void aPointWithinOneCadenceOfItsWindowOrJustBackIsOnTheEdge() {
        List<LivenessEdge.Good> goods = List.of(
            good("fading", T.minus(WINDOW).plusSeconds(20)),
            good("just-back", T.minusSeconds(3)),
            good("recorded-after", T.plusSeconds(1)));

        assertThat(LivenessEdge.pointsAt(goods, windows("fading", "just-back", "recorded-after"), T, CADENCE, MARGIN))
            .containsExactly("fading", "just-back");
    }

    private static LivenessEdge.Good good(String point, Instant at) {
        return new LivenessEdge.Good(point, at.toEpochMilli(), at);
    }

    private static Map<String, Duration> windows(String... points) {
        Map<String, Duration> windows = new HashMap<>();
        for (String point : points) {
            windows.put(point, WINDOW);
        }
        return windows;
    }
}
