package io.parkwatch.simulator.scenario;

import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.PointKind;
import io.parkwatch.simulator.fault.FaultKind;
import io.parkwatch.simulator.truth.ExpectedAlert;
import io.parkwatch.simulator.wire.Hj212Encoder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * A data logger on {@code parks/{park}/enterprises/{enterprise}/hj212}: CN 2011 real-time data
 * every 30 s, CN 2051 when a minute ends and CN 2061 when an hour ends (minimum, mean and maximum
 * of the real-time values). A boiler or kiln stack burns at about 9 % O2, so 16 mg/m3 of SO2
 * measured is 20 at the reference 6 %; in an exceedance hour it runs at 40 (50 at 6 %), over the
 * ultra-low limit of 35, and the hourly rule must fire.
 */
final class Hj212Player implements PointPlayer {

    static final Duration REAL_TIME_INTERVAL = Duration.ofSeconds(30);
    static final String SO2_RULE = "so2-hourly-ultra-low";

    private final PointEntry point;
    private final Duration interval;
    private final Duration skew;
    private final double exceedanceRatio;
    private final long seed;
    private final Random random;
    private final List<Factor> factors;
    private final String topic;
    private final PeriodStats minute;
    private final PeriodStats hour;

    /** An HJ 212 factor: code, mean, relative noise. */
    record Factor(String code, double mean, double noise) {
    }

    Hj212Player(PointEntry point, double speedUp, Duration skew, double exceedanceRatio, long seed) {
        this.point = point;
        this.interval = Duration.ofMillis(Math.max(100, (long) (REAL_TIME_INTERVAL.toMillis() / speedUp)));
        this.skew = skew;
        this.seed = seed;
        this.random = new Random(seed);
        this.factors = factorsOf(point);
        this.exceedanceRatio = stack(point) ? exceedanceRatio : 0;
        this.topic = "parks/" + point.park() + "/enterprises/" + point.enterprise() + "/hj212";
        this.minute = new PeriodStats(ChronoUnit.MINUTES, factors.size());
        this.hour = new PeriodStats(ChronoUnit.HOURS, factors.size());
    }

    private static boolean stack(PointEntry point) {
        return point.pointKind().filter(k -> k == PointKind.CEMS_STACK).isPresent();
    }

    static List<Factor> factorsOf(PointEntry point) {
        if (stack(point)) {
            return List.of(new Factor("a21026", 16, 0.1), new Factor("a21002", 30, 0.1), new Factor("a34013", 5, 0.15),
                new Factor("a19001", 9, 0.03), new Factor("a00000", 40, 0.05), new Factor("a01012", 120, 0.03));
        }
        if (point.id().contains("water")) {
            return List.of(new Factor("w01018", 30, 0.1), new Factor("w21003", 2, 0.2), new Factor("w01001", 7.2, 0.02));
        }
        return List.of(new Factor("a21026", 0.02, 0.3), new Factor("a21002", 0.03, 0.3), new Factor("a34013", 0.06, 0.3));
    }

    @Override
    public PointEntry point() {
        return point;
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public List<Report> reportsAt(Instant stamp) {
        Instant sent = stamp.plus(skew);
        List<Report> reports = new ArrayList<>();
        minute.closedBefore(sent).ifPresent(closed -> reports.add(period("2051", stamp, sent, 1, closed)));
        hour.closedBefore(sent).ifPresent(closed -> reports.add(period("2061", stamp, sent, 2, closed)));
        boolean exceeding = exceeding(sent);
        double[] values = new double[factors.size()];
        StringBuilder cp = new StringBuilder();
        for (int i = 0; i < factors.size(); i++) {
            Factor factor = factors.get(i);
            double mean = exceeding && i == 0 ? 40 : factor.mean();
            values[i] = round(Math.max(0, mean * (1 + factor.noise() * random.nextGaussian())));
            append(cp, factor.code() + "-Rtd=" + values[i] + "," + factor.code() + "-Flag=N");
        }
        minute.add(sent, values);
        hour.add(sent, values);
        byte[] packet = Hj212Encoder.packet("2011", point.hj212Mn(), sent, sent, cp.toString());
        Report report = Report.of(SourceFormat.HJ212, point, topic, stamp, packet, factors.size(), f -> variant(f, packet));
        if (exceeding) {
            Instant start = sent.truncatedTo(ChronoUnit.HOURS);
            report = report.withAlert(new ExpectedAlert(point.park(), point.enterprise(), point.id(), SO2_RULE,
                "a21026-Rtd", "critical", start, start, start.plus(Duration.ofHours(1)), 50))
                .withEvent(FaultKind.EXCEEDANCE);
        }
        reports.add(report);
        return reports;
    }

    /** Whether the clock hour of {@code at} is an exceedance hour of this stack: fixed by seed and hour. */
    boolean exceeding(Instant at) {
        if (exceedanceRatio <= 0) {
            return false;
        }
        long hourIndex = at.getEpochSecond() / 3600;
        return new Random(seed * 31 + hourIndex).nextDouble() < exceedanceRatio;
    }

    private Report period(String cn, Instant stamp, Instant sent, int qnOffset, PeriodStats.Closed closed) {
        StringBuilder cp = new StringBuilder();
        for (int i = 0; i < factors.size(); i++) {
            String code = factors.get(i).code();
            append(cp, String.format(Locale.ROOT, "%s-Min=%s,%s-Avg=%s,%s-Max=%s,%s-Flag=N", code,
                round(closed.min()[i]), code, round(closed.mean(i)), code, round(closed.max()[i]), code));
        }
        byte[] packet = Hj212Encoder.packet(cn, point.hj212Mn(), sent.plusMillis(qnOffset), closed.start(),
            cp.toString());
        return Report.of(SourceFormat.HJ212, point, topic, stamp, packet, 3 * factors.size(), f -> variant(f, packet));
    }

    private static void append(StringBuilder cp, String factor) {
        if (cp.length() > 0) {
            cp.append(';');
        }
        cp.append(factor);
    }

    private static Optional<byte[]> variant(FaultKind fault, byte[] packet) {
        return switch (fault) {
            case MALFORMED -> Optional.of(Hj212Encoder.withoutHeader(packet));
            case BAD_CRC -> Optional.of(Hj212Encoder.withBadCrc(packet));
            default -> Optional.empty();
        };
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
