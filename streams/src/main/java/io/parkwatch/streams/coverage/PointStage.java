package io.parkwatch.streams.coverage;

import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.streams.completeness.DayTally;
import io.parkwatch.transport.streams.StreamInputs;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs beside the readings' partitions and boils them down for the park stage: per point the
 * last good reading (sent at once when a point comes back, otherwise at most once per cadence)
 * and per point and day the completeness tally (sent once per completeness cadence).
 *
 * <p>A reading's time for liveness is {@code min(observedAt, receivedAt)}: the device's clock
 * may not push a point into the future (a skewed clock cannot keep it live), and a batch of old
 * readings arriving now does not make it look live either, since that data was not real-time.
 * Completeness counts by {@code observedAt}: it measures the period the data covers, and late
 * data fills its own slots.
 */
final class PointStage implements Processor<String, Reading, String, PointUpdate> {

    static final String LAST_GOOD_STORE = "coverage-last-good";
    static final String TALLY_STORE = "completeness-point-tallies";

    private final CoverageConfig config;
    private ProcessorContext<String, PointUpdate> context;
    private KeyValueStore<String, LastGood> lastGood;
    private KeyValueStore<String, DayTally> tallies;
    private DecodedRegistry registry;

    PointStage(CoverageConfig config) {
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, PointUpdate> context) {
        this.context = context;
        this.lastGood = context.getStateStore(LAST_GOOD_STORE);
        this.tallies = context.getStateStore(TALLY_STORE);
        this.registry = new DecodedRegistry(context.getStateStore(StreamInputs.REGISTRY_STORE));
        context.schedule(config.cadence(), PunctuationType.WALL_CLOCK_TIME, this::sendLastGood);
        context.schedule(config.completenessCadence(), PunctuationType.WALL_CLOCK_TIME, this::sendTallies);
    }

    @Override
    public void process(Record<String, Reading> record) {
        Reading reading = record.value();
        if (reading == null) {
            return;
        }
        if (reading.quality().isGood()) {
            noteGood(reading);
        }
        PointEntry point = registry.point(reading.pointKey());
        if (point != null) {
            tally(point, reading);
        }
    }

    private void noteGood(Reading reading) {
        Instant at = reading.observedAt().isBefore(reading.receivedAt()) ? reading.observedAt() : reading.receivedAt();
        String key = reading.pointKey();
        LastGood known = lastGood.get(key);
        if (known != null && !at.isAfter(known.at())) {
            return;
        }
        Instant sent = known == null ? null : known.sent();
        // A point coming back (or new) is told at once: that clears its gap without waiting a cadence.
        if (sent == null || Duration.between(sent, at).compareTo(config.cadence()) >= 0) {
            context.forward(new Record<>(reading.park(), new PointUpdate(key, at, null, null), now().toEpochMilli()));
            sent = at;
        }
        lastGood.put(key, new LastGood(reading.park(), at, sent));
    }

    private void tally(PointEntry point, Reading reading) {
        ZoneId zone = zoneOf(point.park());
        LocalDate day = reading.observedAt().atZone(zone).toLocalDate();
        if (day.isBefore(oldestKept(zone))) {
            return;
        }
        String key = DayTally.key(point.pointKey(), day);
        DayTally tally = tallies.get(key);
        if (tally == null) {
            tally = DayTally.empty(point.pointKey(), point.park(), day, point.expectedInterval());
        }
        DayTally marked = tally.mark(reading.observedAt(), zone, reading.quality().isGood());
        // Most readings land in a slot already counted (every factor of a packet shares its time).
        if (marked != tally) {
            tallies.put(key, marked);
        }
    }

    private void sendLastGood(long wallClock) {
        List<KeyValue<String, LastGood>> sent = new ArrayList<>();
        try (KeyValueIterator<String, LastGood> all = lastGood.all()) {
            while (all.hasNext()) {
                KeyValue<String, LastGood> entry = all.next();
                if (entry.value.unsent()) {
                    context.forward(new Record<>(entry.value.park(), new PointUpdate(entry.key, entry.value.at(), null, null),
                        wallClock));
                    sent.add(KeyValue.pair(entry.key, new LastGood(entry.value.park(), entry.value.at(),
                        entry.value.at())));
                }
            }
        }
        lastGood.putAll(sent);
    }

    private void sendTallies(long wallClock) {
        List<KeyValue<String, DayTally>> changed = new ArrayList<>();
        try (KeyValueIterator<String, DayTally> all = tallies.all()) {
            while (all.hasNext()) {
                DayTally tally = all.next().value;
                if (tally.day().isBefore(oldestKept(zoneOf(tally.park())))) {
                    changed.add(KeyValue.pair(tally.key(), null));
                } else if (tally.dirty()) {
                    context.forward(new Record<>(tally.park(), new PointUpdate(tally.pointKey(), null, tally, null),
                        wallClock));
                    changed.add(KeyValue.pair(tally.key(), tally.sent()));
                }
            }
        }
        tallies.putAll(changed);
    }

    private ZoneId zoneOf(String park) {
        return config.zoneOf(park, registry.zone(park));
    }

    private LocalDate oldestKept(ZoneId zone) {
        return now().atZone(zone).toLocalDate().minusDays(config.daysKept() - 1L);
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
