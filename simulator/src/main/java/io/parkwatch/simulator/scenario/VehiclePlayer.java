package io.parkwatch.simulator.scenario;

import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.PointKind;
import io.parkwatch.simulator.fault.FaultKind;
import io.parkwatch.simulator.truth.KeyAreaEntry;
import io.parkwatch.simulator.wire.Jt808Encoder;
import io.parkwatch.simulator.wire.Jt808Encoder.Fix;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A vehicle terminal on {@code parks/{park}/vehicles/{vehicle}/jt808}, published by the park's
 * vehicle platform: a 0x0200 location report each interval while it drives its {@link Route}.
 * Now and then it loses coverage for 3 to 8 reports and re-sends them, when back, as one 0x0704
 * batch (late by design).
 */
final class VehiclePlayer implements PointPlayer {

    private final PointEntry point;
    private final Duration interval;
    private final Duration skew;
    private final double coverageLossRatio;
    private final Random random;
    private final Route route;
    private final String topic;
    private final List<byte[]> buffered = new ArrayList<>();
    private int blindReports;
    private int serial;
    private boolean inside;
    private Optional<KeyAreaEntry> pendingEntry = Optional.empty();

    VehiclePlayer(PointEntry point, Duration interval, Duration skew, double coverageLossRatio, long seed) {
        this.point = point;
        this.interval = interval;
        this.skew = skew;
        this.coverageLossRatio = coverageLossRatio;
        this.random = new Random(seed);
        boolean callsAtKeyArea = point.pointKind().filter(k -> k != PointKind.PARK_VEHICLE).isPresent();
        this.route = new Route(point.park(), callsAtKeyArea, random.nextDouble());
        this.topic = "parks/" + point.park() + "/vehicles/" + point.id() + "/jt808";
        this.serial = random.nextInt(1000);
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
        Route.Position position = route.at(sent);
        double speed = position.speedKmh() == 0 ? 0 : Math.max(5, position.speedKmh() + 2 * random.nextGaussian());
        byte[] body = Jt808Encoder.locationBody(new Fix(position.latitude(), position.longitude(), 1100, speed,
            position.heading(), 0, position.mileageKm(), sent));
        boolean wasInside = inside;
        inside = route.inKeyArea(position);
        Optional<KeyAreaEntry> entry = inside && !wasInside
            ? Optional.of(new KeyAreaEntry(point.park(), point.id(), point.kind(), sent, position.latitude(),
                position.longitude()))
            : Optional.empty();
        if (blindReports == 0 && coverageLossRatio > 0 && random.nextDouble() < coverageLossRatio) {
            blindReports = 3 + random.nextInt(6);
        }
        if (blindReports > 0) {
            buffered.add(body);
            pendingEntry = pendingEntry.or(() -> entry);
            blindReports--;
            if (blindReports > 0) {
                return List.of();
            }
            List<byte[]> batch = List.copyOf(buffered);
            buffered.clear();
            byte[] frame = Jt808Encoder.frame(Jt808Encoder.BATCH_LOCATION_UPLOAD, point.jt808Terminal(), serial++,
                Jt808Encoder.batchBody(batch));
            Report report = Report.of(SourceFormat.JT808, point, topic, stamp, frame, 2 * batch.size(),
                f -> Optional.empty()).withEvent(FaultKind.COVERAGE_LOSS);
            Optional<KeyAreaEntry> seen = pendingEntry;
            pendingEntry = Optional.empty();
            return List.of(seen.map(report::withEntry).orElse(report));
        }
        int number = serial++;
        byte[] frame = Jt808Encoder.frame(Jt808Encoder.LOCATION_REPORT, point.jt808Terminal(), number, body);
        Report report = Report.of(SourceFormat.JT808, point, topic, stamp, frame, 2,
            f -> variant(f, number, body, frame));
        return List.of(entry.map(report::withEntry).orElse(report));
    }

    private Optional<byte[]> variant(FaultKind fault, int number, byte[] body, byte[] frame) {
        return switch (fault) {
            case MALFORMED -> Optional.of(Jt808Encoder.withoutStartFlag(frame));
            case BAD_CRC -> Optional.of(Jt808Encoder.frameWithBadCheckCode(Jt808Encoder.LOCATION_REPORT,
                point.jt808Terminal(), number, body));
            default -> Optional.empty();
        };
    }
}
