package io.parkwatch.streams.coverage;

import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.contracts.alert.AlertIds;
import io.parkwatch.contracts.coverage.CoverageRow;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.streams.completeness.DayTally;
import io.parkwatch.transport.streams.StreamInputs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds every point's last good reading and data-gap state, and turns them with the registry
 * into coverage rows and data-gap alerts. Rows are emitted when a point comes back and, at every
 * wall-clock cadence, all of them: silence shows even when no data arrives at all, and registry
 * changes show within one cadence. Completeness rows come from {@link CompletenessEmitter}.
 *
 * <p>"Now" is the stream thread's wall clock ({@code currentSystemTimeMs}), which
 * TopologyTestDriver lets tests set.
 */
final class ParkStage implements Processor<String, PointUpdate, String, ParkOutput> {

    static final String POINT_STORE = "coverage-point-state";
    static final String TALLY_STORE = "completeness-park-tallies";
    private static final Logger LOG = LoggerFactory.getLogger(ParkStage.class);
    /** How soon a point coming alive shows in its park's rows (batched: one recount per park per flush). */
    static final Duration CHANGE_FLUSH = Duration.ofSeconds(1);

    private final CoverageConfig config;
    private final CoverageCalculator calculator;
    /** What was last emitted per row key; compared on change, so unchanged rows wait for the cadence. */
    private final Map<String, CoverageRow> emitted = new HashMap<>();
    private ProcessorContext<String, ParkOutput> context;
    private KeyValueStore<String, PointState> points;
    private KeyValueStore<String, DayTally> tallies;
    private ReadOnlyKeyValueStore<String, byte[]> registry;
    private CompletenessEmitter completeness;
    /**
     * The registry as of the last cadence: decoding the whole registry per reading made a park
     * coming alive O(points²) (100,000 points never settled under exactly-once, BENCHMARKS.md).
     */
    private RegistrySnapshot snapshot;
    /** Parks with a point that came alive since the last flush; their rows go out once per flush. */
    private final Set<String> changedParks = new LinkedHashSet<>();

    ParkStage(CoverageConfig config) {
        this.config = config;
        this.calculator = new CoverageCalculator(config);
    }

    @Override
    public void init(ProcessorContext<String, ParkOutput> context) {
        this.context = context;
        this.points = context.getStateStore(POINT_STORE);
        this.tallies = context.getStateStore(TALLY_STORE);
        this.registry = context.getStateStore(StreamInputs.REGISTRY_STORE);
        this.completeness = new CompletenessEmitter(config, tallies, context);
        context.schedule(config.cadence(), PunctuationType.WALL_CLOCK_TIME, this::everyCadence);
        context.schedule(CHANGE_FLUSH, PunctuationType.WALL_CLOCK_TIME,
            wallClock -> flushChanged(Instant.ofEpochMilli(wallClock)));
        context.schedule(config.completenessCadence(), PunctuationType.WALL_CLOCK_TIME,
            wallClock -> completeness.emit(RegistryStore.snapshot(registry), Instant.ofEpochMilli(wallClock)));
    }

    @Override
    public void process(Record<String, PointUpdate> record) {
        PointUpdate update = record.value();
        if (update == null) {
            return;
        }
        if (update.tally() != null) {
            tallies.put(update.tally().key(), update.tally());
        }
        if (update.lastGood() != null) {
            noteGood(update.pointKey(), update.lastGood());
        }
        if (update.acknowledge() != null) {
            acknowledge(update.pointKey(), update.acknowledge());
        }
    }

    /** ACKNOWLEDGED for the point's open, unacknowledged gap; any other command changes nothing. */
    private void acknowledge(String pointKey, AlertCommand command) {
        PointState state = points.get(pointKey);
        if (state == null || state.gapSince() == null || state.acknowledged()) {
            LOG.info("acknowledgement of {} ignored: no open, unacknowledged data gap", command.alertId());
            return;
        }
        Instant now = now();
        PointEntry point = RegistryStore.point(registry, pointKey);
        GapSubject subject = point != null ? GapSubject.of(point) : GapSubject.ofKey(pointKey);
        context.forward(new Record<>(command.alertId(),
            new ParkOutput.DataGap(DataGaps.acknowledged(subject, state.gapSince(), command, now)), now.toEpochMilli()));
        points.put(pointKey, state.withAcknowledged());
    }

    private void noteGood(String pointKey, Instant at) {
        Instant now = now();
        PointEntry point = RegistryStore.point(registry, pointKey);
        PointState before = points.get(pointKey);
        if (point == null) {
            return;
        }
        PointState after = (before == null ? new PointState(null, now, null, false) : before).withLastGood(at);
        boolean wasLive = before != null && calculator.isLive(point, before.lastGood(), now);
        if (!wasLive && calculator.isLive(point, after.lastGood(), now)) {
            after = clearGap(GapSubject.of(point), after, "data returned: good reading at "
                + after.lastGood(), now);
            points.put(pointKey, after);
            changedParks.add(point.park());
        } else if (!after.equals(before)) {
            points.put(pointKey, after);
        }
    }

    private void everyCadence(long wallClock) {
        Instant now = Instant.ofEpochMilli(wallClock);
        snapshot = RegistryStore.snapshot(registry);
        changedParks.clear();
        checkGaps(snapshot, now);
        for (CoverageRow row : calculator.rows(snapshot, this::lastGood, now)) {
            emit(row);
        }
    }

    /** Opens a gap for each required point silent beyond its window; closes those of removed or live points. */
    private void checkGaps(RegistrySnapshot snapshot, Instant now) {
        List<KeyValue<String, PointState>> changed = new ArrayList<>();
        Map<String, PointState> known = new HashMap<>();
        try (KeyValueIterator<String, PointState> all = points.all()) {
            all.forEachRemaining(entry -> known.put(entry.key, entry.value));
        }
        for (Map.Entry<String, PointState> entry : known.entrySet()) {
            PointState state = entry.getValue();
            if (snapshot.point(entry.getKey()) == null) {
                if (state.gapSince() != null) {
                    clearGap(GapSubject.ofKey(entry.getKey()), state, "point removed from the registry", now);
                }
                changed.add(KeyValue.pair(entry.getKey(), null));
            }
        }
        for (PointEntry point : snapshot.points()) {
            PointState state = known.get(point.pointKey());
            PointState next = state == null ? new PointState(null, now, null, false) : state;
            Duration window = config.windowOf(point);
            boolean silent = Duration.between(next.silentSince(), now).compareTo(window) >= 0;
            if (silent && next.gapSince() == null) {
                Instant since = next.silentSince().plus(window);
                context.forward(new Record<>(AlertIds.dataGap(point.pointKey()),
                    new ParkOutput.DataGap(DataGaps.raised(point, since, next.lastGood(), window, now)),
                    now.toEpochMilli()));
                next = next.withGap(since);
            } else if (!silent && next.gapSince() != null) {
                next = clearGap(GapSubject.of(point), next,
                    "data returned: good reading at " + next.lastGood(), now);
            }
            if (!next.equals(state)) {
                changed.add(KeyValue.pair(point.pointKey(), next));
            }
        }
        points.putAll(changed);
    }

    private PointState clearGap(GapSubject subject, PointState state, String why, Instant now) {
        if (state.gapSince() == null) {
            return state;
        }
        context.forward(new Record<>(AlertIds.dataGap(subject.pointKey()),
            new ParkOutput.DataGap(DataGaps.cleared(subject, state.gapSince(), why, now)), now.toEpochMilli()));
        return state.withGap(null);
    }

    private void flushChanged(Instant now) {
        if (changedParks.isEmpty()) {
            return;
        }
        if (snapshot == null) {
            snapshot = RegistryStore.snapshot(registry);
        }
        for (String park : changedParks) {
            emitChanged(park, now);
        }
        changedParks.clear();
    }

    private void emitChanged(String park, Instant now) {
        for (CoverageRow row : calculator.rowsOf(park, snapshot, this::lastGood, now)) {
            CoverageRow last = emitted.get(CoverageCalculator.key(row));
            if (last == null || last.live() != row.live() || last.required() != row.required()
                || !Objects.equals(last.silentPoints(), row.silentPoints())) {
                emit(row);
            }
        }
    }

    private void emit(CoverageRow row) {
        String key = CoverageCalculator.key(row);
        emitted.put(key, row);
        context.forward(new Record<>(key, new ParkOutput.Coverage(row), row.computedAt().toEpochMilli()));
    }

    private Instant lastGood(String pointKey) {
        PointState state = points.get(pointKey);
        return state == null ? null : state.lastGood();
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
