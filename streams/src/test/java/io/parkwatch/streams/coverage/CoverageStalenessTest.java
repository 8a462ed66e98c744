package io.parkwatch.streams.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.coverage.CoverageRow;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.Module;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The staleness window at its edges: a point is live while its last good reading is younger
 * than the window and silent from the instant it is exactly as old. A one-second cadence makes
 * every step of the clock a computation.
 */
class CoverageStalenessTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private static final Duration SECOND = Duration.ofSeconds(1);

    @TempDir
    Path stateDir;

    private CoverageHarness park;

    @AfterEach
    void stop() {
        if (park != null) {
            park.close();
        }
    }

    private CoverageHarness start(String... pairs) {
        Properties props = new Properties();
        props.setProperty("coverage.cadence", "1s");
        for (int i = 0; i < pairs.length; i += 2) {
            props.setProperty(pairs[i], pairs[i + 1]);
        }
        park = new CoverageHarness(CoverageProperties.load(props), stateDir, T0);
        return park;
    }

    static Stream<Arguments> windows() {
        return Stream.of(
            // 3 x 15 s is 45 s: the 5-minute minimum applies.
            Arguments.of("the 5-minute minimum", "park-vehicle", Duration.ofSeconds(15), Duration.ofMinutes(5),
                new String[0]),
            // 3 x 10 min is above the minimum.
            Arguments.of("three intervals", "park-vehicle", Duration.ofMinutes(10), Duration.ofMinutes(30),
                new String[0]),
            // A per-kind window wins over both, even below the minimum.
            Arguments.of("a per-kind override", "park-vehicle", Duration.ofSeconds(15), Duration.ofMinutes(2),
                new String[] {"coverage.window.kind.park-vehicle", "2m"}),
            // The override of another kind leaves this one alone.
            Arguments.of("another kind's override", "park-vehicle", Duration.ofSeconds(15), Duration.ofMinutes(5),
                new String[] {"coverage.window.kind.hazmat-vehicle", "1m"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void aPointIsLiveUntilItsLastGoodReadingIsExactlyAWindowOld(String name, String kind, Duration interval,
                                                                Duration window, String[] config) {
        start(config);
        park.enterprise("e1");
        park.point("e1", "v1", Module.LOGISTICS, kind, interval);
        park.reading("e1", "v1", Quality.N);

        park.advance(window.minus(SECOND));
        CoverageRow justLive = park.row("LOGISTICS|park-vehicles");
        assertThat(justLive.computedAt()).isEqualTo(T0.plus(window).minus(SECOND));
        assertThat(justLive.live()).as("one second before the window ends").isEqualTo(1);
        assertThat(justLive.compliant()).isTrue();
        assertThat(park.alerts()).isEmpty();

        park.advance(SECOND);
        CoverageRow silent = park.row("LOGISTICS|park-vehicles");
        assertThat(silent.computedAt()).isEqualTo(T0.plus(window));
        assertThat(silent.live()).as("exactly a window old").isZero();
        assertThat(silent.required()).isEqualTo(1);
        assertThat(silent.silentPoints()).containsExactly("p/e1/v1");
        assertThat(silent.compliant()).isFalse();
        List<AlertEvent> gap = park.alerts();
        assertThat(gap).extracting(AlertEvent::type).containsExactly(AlertEventType.RAISED);
        assertThat(gap.get(0).firstSeen()).isEqualTo(T0.plus(window));
    }

    @Test
    void aReadingAtTheVeryLastLiveSecondKeepsThePointLiveWithoutAGap() {
        start();
        park.enterprise("e1");
        park.point("e1", "v1", Module.LOGISTICS, "park-vehicle", Duration.ofSeconds(15));
        park.reading("e1", "v1", Quality.N);
        park.advance(Duration.ofMinutes(5).minus(SECOND));
        park.reading("e1", "v1", Quality.N);
        park.advance(SECOND);
        assertThat(park.row("LOGISTICS|park-vehicles").live()).isEqualTo(1);
        park.advance(Duration.ofMinutes(5).minus(Duration.ofSeconds(2)));
        assertThat(park.row("LOGISTICS|park-vehicles").live()).isEqualTo(1);
        assertThat(park.alerts()).isEmpty();
    }

    @Test
    void flaggedReadingsNeitherMakeNorKeepAPointLive() {
        start();
        park.enterprise("e1");
        park.point("e1", "v1", Module.LOGISTICS, "park-vehicle", Duration.ofSeconds(15));
        park.reading("e1", "v1", Quality.N);
        park.advance(Duration.ofMinutes(4));
        for (Quality flagged : List.of(Quality.D, Quality.F, Quality.M, Quality.C)) {
            park.reading("e1", "v1", flagged);
        }
        park.advance(Duration.ofMinutes(1));
        assertThat(park.row("LOGISTICS|park-vehicles").live()).as("only the good reading counts").isZero();
        assertThat(park.alerts()).extracting(AlertEvent::type).containsExactly(AlertEventType.RAISED);
    }

    @Test
    void anEnterpriseGainingAClassAtRunTimeMovesItsMetersBetweenRows() {
        start();
        park.enterprise("e1");
        park.point("e1", "elec", Module.ENERGY, "electricity-meter", Duration.ofMinutes(1));
        park.reading("e1", "elec", Quality.N);
        park.advance(SECOND);
        assertThat(park.row("ENERGY|non-key-meters").required()).isEqualTo(1);
        assertThat(park.row("ENERGY|key-energy-user-meters").required()).isZero();

        park.enterprise("e1", EnterpriseClass.KEY_ENERGY_USER);
        park.advance(SECOND);
        assertThat(park.row("ENERGY|non-key-meters").required()).isZero();
        CoverageRow key = park.row("ENERGY|key-energy-user-meters");
        assertThat(key.required()).isEqualTo(1);
        assertThat(key.live()).as("its last good reading stays known across the move").isEqualTo(1);
        assertThat(key.compliant()).isTrue();
    }
}
