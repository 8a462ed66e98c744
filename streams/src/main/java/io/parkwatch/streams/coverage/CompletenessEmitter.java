package io.parkwatch.streams.coverage;

import io.parkwatch.contracts.completeness.CompletenessRow;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.streams.completeness.CompletenessCalculator;
import io.parkwatch.streams.completeness.CompletenessRollup;
import io.parkwatch.streams.completeness.DayTally;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Emits the completeness rows of every registered point for each kept day (today and yesterday
 * by default, so yesterday's final figure is written after midnight), with their enterprise and
 * park roll-ups. A registered point with no tally still gets its row: a silent point is 0 %
 * complete, not absent. Tallies of days no longer kept, or of removed points, are dropped.
 */
final class CompletenessEmitter {

    private final CoverageConfig config;
    private final CompletenessCalculator calculator;
    private final KeyValueStore<String, DayTally> tallies;
    private final ProcessorContext<String, ParkOutput> context;

    CompletenessEmitter(CoverageConfig config, KeyValueStore<String, DayTally> tallies,
                        ProcessorContext<String, ParkOutput> context) {
        this.config = config;
        this.calculator = new CompletenessCalculator(config);
        this.tallies = tallies;
        this.context = context;
    }

    void emit(RegistrySnapshot registry, Instant now) {
        for (String park : registry.parks()) {
            ZoneId zone = config.zoneOf(park, registry.zone(park));
            LocalDate today = now.atZone(zone).toLocalDate();
            for (int back = config.daysKept() - 1; back >= 0; back--) {
                emitDay(park, zone, today.minusDays(back), registry, now);
            }
        }
        purge(registry, now);
    }

    private void emitDay(String park, ZoneId zone, LocalDate day, RegistrySnapshot registry, Instant now) {
        List<CompletenessRow> rows = new ArrayList<>();
        for (PointEntry point : registry.pointsOf(park)) {
            DayTally tally = tallies.get(DayTally.key(point.pointKey(), day));
            rows.add(calculator.pointRow(point, registry.enterprise(park, point.enterprise()), tally, day, zone, now));
        }
        rows.addAll(CompletenessRollup.rollUp(park, day, rows, now));
        for (CompletenessRow row : rows) {
            context.forward(new Record<>(row.key(), new ParkOutput.Completeness(row), now.toEpochMilli()));
        }
    }

    private void purge(RegistrySnapshot registry, Instant now) {
        List<KeyValue<String, DayTally>> dropped = new ArrayList<>();
        try (KeyValueIterator<String, DayTally> all = tallies.all()) {
            while (all.hasNext()) {
                DayTally tally = all.next().value;
                LocalDate oldest = now.atZone(config.zoneOf(tally.park(), registry.zone(tally.park()))).toLocalDate()
                    .minusDays(config.daysKept() - 1L);
                if (tally.day().isBefore(oldest) || registry.point(tally.pointKey()) == null) {
                    dropped.add(KeyValue.pair(tally.key(), null));
                }
            }
        }
        tallies.putAll(dropped);
    }
}
