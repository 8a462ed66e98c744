package io.parkwatch.simulator.scenario;

import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.simulator.fault.FaultKind;
import io.parkwatch.simulator.fault.FaultSpec;
import io.parkwatch.simulator.park.SimulatedPark;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * The simulation as a sequence of messages in timeline order, independent of any transport: the
 * points' players say what is due, the fault injector spoils, repeats and holds back a share of
 * it, and every message handed out is recorded in the ground truth. Nothing here reads a clock,
 * so the same settings give the same messages, whatever the rate they are sent at.
 */
public final class Scenario {

    private static final List<FaultKind> MESSAGE_FAULTS = List.of(FaultKind.SPIKE, FaultKind.MALFORMED,
        FaultKind.BAD_CRC, FaultKind.DUPLICATE, FaultKind.OUT_OF_ORDER, FaultKind.LATE);

    /** A player and its next due instant; the index breaks ties so that the order is fixed. */
    private record Due(Instant at, int index) {
    }

    private final List<PointPlayer> players;
    private final List<Random> faultRandoms;
    private final FaultSpec faults;
    private final double speedUp;
    private final TruthRecorder truth;
    private final PriorityQueue<Due> due = new PriorityQueue<>(
        Comparator.comparing(Due::at).thenComparingInt(Due::index));
    private final PriorityQueue<Outgoing> ready = new PriorityQueue<>(
        Comparator.comparing(Outgoing::releaseAt).thenComparingLong(Outgoing::seq));
    private long seq;

    Scenario(List<PointPlayer> players, ScenarioSettings settings, TruthRecorder truth) {
        this.players = List.copyOf(players);
        this.faults = settings.faults();
        this.speedUp = settings.speedUp();
        this.truth = truth;
        this.faultRandoms = new ArrayList<>();
        for (int i = 0; i < this.players.size(); i++) {
            PointPlayer player = this.players.get(i);
            long pointSeed = Seeds.of(settings.seed(), player.point().pointKey(), "faults");
            faultRandoms.add(new Random(pointSeed));
            long firstWithin = Math.min(player.interval().toMillis(), (long) (15_000 / speedUp) + 1);
            long offset = (long) (new Random(pointSeed + 1).nextDouble() * firstWithin);
            due.add(new Due(settings.start().plusMillis(offset), i));
        }
    }

    /** Builds the players of {@code parks} (the played part of {@code registry}) and the truth they answer to. */
    public static Scenario of(Registry registry, List<SimulatedPark> parks, ScenarioSettings settings) {
        return ScenarioBuilder.build(registry, parks, settings);
    }

    public TruthRecorder truth() {
        return truth;
    }

    /** The number of points that publish. */
    public int playedPoints() {
        return players.size();
    }

    /** Logins that publish (one connection each). */
    public List<String> logins() {
        return players.stream().map(p -> Report.loginOf(p.point())).distinct().sorted().toList();
    }

    /** The next message due at or before {@code upTo}, recorded in the truth; empty when none is due yet. */
    public Optional<Outgoing> next(Instant upTo) {
        while (true) {
            Outgoing head = ready.peek();
            Due nextDue = due.peek();
            boolean reportsFirst = nextDue != null && (head == null || nextDue.at().isBefore(head.releaseAt()));
            if (reportsFirst && !nextDue.at().isAfter(upTo)) {
                due.poll();
                play(nextDue);
            } else if (head != null && !head.releaseAt().isAfter(upTo)) {
                ready.poll();
                truth.record(head);
                return Optional.of(head);
            } else {
                return Optional.empty();
            }
        }
    }

    private void play(Due nextDue) {
        PointPlayer player = players.get(nextDue.index());
        for (Report report : player.reportsAt(nextDue.at())) {
            inject(report, faultRandoms.get(nextDue.index()), player.interval());
        }
        due.add(new Due(nextDue.at().plus(player.interval()), nextDue.index()));
    }

    private void inject(Report report, Random random, Duration interval) {
        if (!report.faultable()) {
            ready.add(new Outgoing(seq++, report.stamp(), report, report.payload(), report.event(), Optional.empty()));
            return;
        }
        double draw = random.nextDouble();
        Optional<FaultKind> fault = Optional.empty();
        double cumulative = 0;
        for (FaultKind kind : MESSAGE_FAULTS) {
            cumulative += faults.ratio(kind);
            if (draw < cumulative) {
                fault = Optional.of(kind);
                break;
            }
        }
        Instant at = report.stamp();
        if (fault.isEmpty()) {
            ready.add(new Outgoing(seq++, at, report, report.payload(), Optional.empty(), Optional.empty()));
            return;
        }
        FaultKind kind = fault.get();
        switch (kind) {
            case DUPLICATE -> {
                ready.add(new Outgoing(seq++, at, report, report.payload(), Optional.empty(), Optional.empty()));
                ready.add(new Outgoing(seq++, at, report, report.payload(), fault, Optional.empty()));
            }
            case OUT_OF_ORDER -> ready.add(new Outgoing(seq++, at.plus(interval).plusMillis(1), report,
                report.payload(), fault, Optional.empty()));
            case LATE -> {
                long lateMillis = (long) ((60_000 + random.nextInt(240_000)) / speedUp);
                ready.add(new Outgoing(seq++, at.plusMillis(lateMillis), report, report.payload(), fault,
                    Optional.empty()));
            }
            default -> {
                Optional<byte[]> spoiled = report.variant().apply(kind);
                ready.add(spoiled.map(bytes -> new Outgoing(seq++, at, report, bytes, Optional.of(kind),
                        rejectOf(kind, report.format())))
                    .orElseGet(() -> new Outgoing(seq++, at, report, report.payload(), Optional.empty(),
                        Optional.empty())));
            }
        }
    }

    /** The reason the gateway gives a spoiled payload; a spike is good input with a bad value. */
    static Optional<RejectReason> rejectOf(FaultKind kind, SourceFormat format) {
        return switch (kind) {
            case MALFORMED -> Optional.of(switch (format) {
                case JSON -> RejectReason.MALFORMED_JSON;
                case HJ212 -> RejectReason.HJ212_MALFORMED;
                case JT808 -> RejectReason.JT808_MALFORMED;
            });
            case BAD_CRC -> Optional.of(format == SourceFormat.HJ212 ? RejectReason.HJ212_BAD_CRC
                : RejectReason.JT808_BAD_CHECK_CODE);
            default -> Optional.empty();
        };
    }

    /** The registry points that publish. */
    public List<PointEntry> playedEntries() {
        return players.stream().map(PointPlayer::point).toList();
    }
}
