package io.parkwatch.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.coverage.CoverageRow;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryRecord;
import io.parkwatch.contracts.topics.TopicSpec;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.streams.coverage.CoverageConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageReplayTest {

    private static final Instant T0 = Instant.parse("2026-12-07T08:00:07.250Z");
    private static final CoverageRow ROW = new CoverageRow("p", Module.SAFETY, "key-emergency-enterprises", 3, 1,
        1.0, List.of("p/e1", "p/e2"), false, T0);

    @TempDir
    Path stateDir;

    @Test
    void rowsThatDifferOnlyInTheirComputationTimeOrSilentOrderAreEqual() {
        CoverageRow later = new CoverageRow("p", Module.SAFETY, "key-emergency-enterprises", 3, 1, 1.0,
            List.of("p/e2", "p/e1"), false, T0.plusSeconds(30));

        CoverageComparison comparison = CoverageComparison.of(Map.of("k", ROW), Map.of("k", later));

        assertThat(comparison.compared()).isEqualTo(1);
        assertThat(comparison.equal()).isEqualTo(1);
        assertThat(comparison.differences()).isEmpty();
    }

    @Test
    void aRowThatDiffersInACountedFieldOrIsMissingFails() {
        CoverageRow moreLive = new CoverageRow("p", Module.SAFETY, "key-emergency-enterprises", 3, 2, 1.0,
            List.of("p/e1"), false, T0);

        CoverageComparison comparison = CoverageComparison.of(Map.of("k", ROW, "only-real", ROW),
            Map.of("k", moreLive));

        assertThat(comparison.compared()).isEqualTo(2);
        assertThat(comparison.equal()).isZero();
        assertThat(comparison.differences()).hasSize(2).anySatisfy(line -> assertThat(line).startsWith("k: real 1/3"))
            .anySatisfy(line -> assertThat(line).startsWith("only-real: real 1/3").endsWith("one instance none"));
    }

    @Test
    void theReplayComputesAtTheGivenInstantAndSeesAPointGoSilentAfterItsWindow() {
        List<CoverageReplay.Input> inputs = new ArrayList<>();
        inputs.add(registry(new EnterpriseEntry("p", "e", "e", Set.of(EnterpriseClass.KEY_EMERGENCY_SUPERVISED))));
        inputs.add(registry(detector("det-1")));
        inputs.add(registry(detector("det-2")));
        for (int s = 1; s <= 60; s += 10) {
            inputs.add(reading("det-1", T0.plusSeconds(s)));
        }
        Instant soon = T0.plus(Duration.ofMinutes(3)).plusMillis(431);
        Instant late = T0.plus(Duration.ofMinutes(7));

        Map<String, CoverageRow> atSoon = CoverageReplay.rowsAt(inputs, soon, CoverageConfig.defaults(),
            stateDir.resolve("soon"));
        Map<String, CoverageRow> atLate = CoverageReplay.rowsAt(inputs, late, CoverageConfig.defaults(),
            stateDir.resolve("late"));

        assertThat(atSoon).isNotEmpty().allSatisfy((key, row) -> assertThat(row.computedAt()).isEqualTo(soon));
        assertThat(silent(atSoon)).contains("p/e/det-2").doesNotContain("p/e/det-1");
        assertThat(atLate).hasSameSizeAs(atSoon).allSatisfy((key, row) -> assertThat(row.computedAt()).isEqualTo(late));
        assertThat(silent(atLate)).contains("p/e/det-1", "p/e/det-2");
        assertThat(CoverageComparison.of(atSoon, atLate).equal()).isLessThan(atSoon.size());
    }

    private static List<String> silent(Map<String, CoverageRow> rows) {
        return rows.values().stream().flatMap(row -> row.silentPoints().stream()).toList();
    }

    private static PointEntry detector(String id) {
        return new PointEntry("p", "e", id, Module.SAFETY, "major-hazard-sensor", Duration.ofSeconds(10), null, null);
    }

    private static CoverageReplay.Input registry(Object entry) {
        RegistryRecord record = entry instanceof PointEntry point ? RegistryRecord.of(point)
            : RegistryRecord.of((EnterpriseEntry) entry);
        return input(Topics.REGISTRY, record.key(), record, T0);
    }

    private static CoverageReplay.Input reading(String point, Instant at) {
        Reading reading = Reading.builder().messageId(point + "|" + at).park("p").enterprise("e").point(point)
            .domain(Domain.SAFETY).metric("lel").value(3.0).unit("%LEL").observedAt(at).receivedAt(at)
            .quality(Quality.N).sourceFormat(SourceFormat.JSON).build();
        return input(Topics.READINGS, reading.pointKey(), reading, at);
    }

    private static <V> CoverageReplay.Input input(TopicSpec<String, V> topic, String key, V value, Instant at) {
        return new CoverageReplay.Input(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
            topic.valueSerde().serializer().serialize(topic.name(), value), at.toEpochMilli());
    }
}
