package io.parkwatch.simulator.scenario;

import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.simulator.fault.FaultKind;
import io.parkwatch.simulator.park.SimulatedPoint;
import io.parkwatch.simulator.truth.ExpectedAlert;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * A point publishing JSON readings on {@code parks/{park}/enterprises/{enterprise}/points/{point}}.
 * A combustible-gas detector ({@code lel}) now and then sees a leak: a few readings rising over
 * 25 and 50 %LEL and falling back, which the default rule pack must alert on.
 */
final class JsonPlayer implements PointPlayer {

    static final String LEL = "lel";
    private static final double[] LEAK = {8, 28, 44, 61, 38, 14};

    private final SimulatedPoint point;
    private final Duration interval;
    private final Duration skew;
    private final double leakRatio;
    private final Random random;
    private final String topic;
    private int leakStep = -1;
    private ExpectedAlert leak;

    JsonPlayer(SimulatedPoint point, Duration interval, Duration skew, double leakRatio, long seed) {
        this.point = point;
        this.interval = interval;
        this.skew = skew;
        this.leakRatio = LEL.equals(point.metric()) ? leakRatio : 0;
        this.random = new Random(seed);
        PointEntry entry = point.entry();
        this.topic = "parks/" + entry.park() + "/enterprises/" + entry.enterprise() + "/points/" + entry.id();
    }

    @Override
    public PointEntry point() {
        return point.entry();
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public List<Report> reportsAt(Instant stamp) {
        double value = point.signal().valueAt(stamp, random);
        if (leakStep < 0 && leakRatio > 0 && random.nextDouble() < leakRatio) {
            leakStep = 0;
        }
        if (leakStep >= 0) {
            return List.of(leakReport(stamp));
        }
        Instant sent = stamp.plus(skew);
        return List.of(Report.of(SourceFormat.JSON, point.entry(), topic, stamp, payload(value, sent), 1,
            fault -> variant(fault, value, sent)));
    }

    private Report leakReport(Instant stamp) {
        double value = LEAK[leakStep];
        Instant sent = stamp.plus(skew);
        if (leakStep == 1) {
            PointEntry entry = point.entry();
            // The wire carries epoch milliseconds: the alert's first-seen instant is the sent time to the millisecond.
            leak = new ExpectedAlert(entry.park(), entry.enterprise(), entry.id(), "combustible-gas", LEL, "critical",
                sent.truncatedTo(ChronoUnit.MILLIS), null, null, max());
        }
        Report report = Report.of(SourceFormat.JSON, point.entry(), topic, stamp, payload(value, sent), 1,
            fault -> Optional.empty()).withEvent(FaultKind.LEAK);
        if (leak != null && leakStep >= 1 && leakStep <= 3) {
            report = report.withAlert(leak);
        }
        leakStep = leakStep + 1 < LEAK.length ? leakStep + 1 : -1;
        return report;
    }

    private static double max() {
        double max = 0;
        for (double v : LEAK) {
            max = Math.max(max, v);
        }
        return max;
    }

    private Optional<byte[]> variant(FaultKind fault, double value, Instant sent) {
        return switch (fault) {
            case MALFORMED -> {
                byte[] whole = payload(value, sent);
                yield Optional.of(java.util.Arrays.copyOf(whole, whole.length / 2));
            }
            case SPIKE -> LEL.equals(point.metric()) ? Optional.empty() : Optional.of(payload(value * 10 + 1, sent));
            default -> Optional.empty();
        };
    }

    private byte[] payload(double value, Instant sent) {
        return String.format(Locale.ROOT, "{\"metric\":\"%s\",\"value\":%s,\"unit\":\"%s\",\"ts\":%d}", point.metric(),
            value, point.unit(), sent.toEpochMilli()).getBytes(StandardCharsets.UTF_8);
    }
}
