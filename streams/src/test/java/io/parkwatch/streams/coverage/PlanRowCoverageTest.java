package io.parkwatch.streams.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkwatch.contracts.coverage.CoverageRow;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.Module;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One small park per plan row, built so that the row's figures can be counted by hand: every
 * point reports once a minute, "live" points sent one good reading just now, the others never
 * did. Each park also holds a distractor that is live but must not count in the row.
 */
class PlanRowCoverageTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration DAY = Duration.ofDays(1);
    private static final String[] FIVE_METERS = {"coal-meter", "water-meter", "oil-meter", "gas-meter",
        "electricity-meter"};

    @TempDir
    Path stateDir;

    private CoverageHarness park;

    @AfterEach
    void stop() {
        if (park != null) {
            park.close();
        }
    }

    /** One case: the row, how the park is built, and the figures a person counts on paper. */
    record Case(String row, Consumer<CoverageHarness> registry, int required, int live, double target,
                boolean compliant, List<String> silent) {

        @Override
        public String toString() {
            return row + " " + live + "/" + required;
        }
    }

    static Stream<Arguments> rows() {
        return Stream.of(economicAndEnergy(), safety(), logisticsAndEnvironment()).flatMap(cases -> cases)
            .map(Arguments::of);
    }

    private static Stream<Case> economicAndEnergy() {
        return Stream.of(
            // Two above-scale enterprises, one reports; the reporting small enterprise is not in the row.
            new Case("ECONOMIC|above-scale-enterprises", p -> {
                enterprise(p, "a1", EnterpriseClass.ABOVE_SCALE);
                enterprise(p, "a2", EnterpriseClass.ABOVE_SCALE);
                enterprise(p, "o1");
                livePoint(p, "a1", "report", Module.ECONOMIC, "economic-report", DAY);
                silentPoint(p, "a2", "report", Module.ECONOMIC, "economic-report", DAY);
                livePoint(p, "o1", "report", Module.ECONOMIC, "economic-report", DAY);
            }, 2, 1, 1.0, false, List.of("p/a2")),
            // Five other enterprises, one reports (exactly 20 %); a reporting above-scale one is excluded.
            new Case("ECONOMIC|other-enterprises", p -> {
                enterprise(p, "a1", EnterpriseClass.ABOVE_SCALE);
                livePoint(p, "a1", "report", Module.ECONOMIC, "economic-report", DAY);
                for (int i = 1; i <= 5; i++) {
                    enterprise(p, "o" + i, EnterpriseClass.KEY_POLLUTER);
                }
                livePoint(p, "o1", "report", Module.ECONOMIC, "economic-report", DAY);
                silentPoint(p, "o2", "report", Module.ECONOMIC, "economic-report", DAY);
            }, 5, 1, 0.2, true, List.of("p/o2", "p/o3", "p/o4", "p/o5")),
            // A key energy user's five meter types, coal silent; its stack and a non-key meter do not count.
            new Case("ENERGY|key-energy-user-meters", p -> {
                enterprise(p, "k1", EnterpriseClass.KEY_ENERGY_USER);
                enterprise(p, "n1");
                for (String meter : FIVE_METERS) {
                    if (meter.equals("coal-meter")) {
                        silentPoint(p, "k1", meter, Module.ENERGY, meter, MINUTE);
                    } else {
                        livePoint(p, "k1", meter, Module.ENERGY, meter, MINUTE);
                    }
                }
                livePoint(p, "k1", "stack", Module.ENVIRONMENT, "cems-stack", MINUTE);
                livePoint(p, "n1", "elec", Module.ENERGY, "electricity-meter", MINUTE);
            }, 5, 4, 1.0, false, List.of("p/k1/coal-meter")),
            // The five meter types all live: the row is met.
            new Case("ENERGY|key-energy-user-meters", p -> {
                enterprise(p, "k1", EnterpriseClass.KEY_ENERGY_USER);
                for (String meter : FIVE_METERS) {
                    livePoint(p, "k1", meter, Module.ENERGY, meter, MINUTE);
                }
            }, 5, 5, 1.0, true, List.of()),
            // Non-key enterprises' metering points: 1 of 4 live (25 %); the key user's live meter is excluded.
            new Case("ENERGY|non-key-meters", p -> {
                enterprise(p, "k1", EnterpriseClass.KEY_ENERGY_USER);
                enterprise(p, "n1");
                enterprise(p, "n2", EnterpriseClass.ABOVE_SCALE);
                livePoint(p, "k1", "elec", Module.ENERGY, "electricity-meter", MINUTE);
                livePoint(p, "n1", "elec", Module.ENERGY, "electricity-meter", MINUTE);
                silentPoint(p, "n1", "water", Module.ENERGY, "water-meter", MINUTE);
                silentPoint(p, "n2", "gas", Module.ENERGY, "gas-meter", MINUTE);
                silentPoint(p, "n2", "coal", Module.ENERGY, "coal-meter", MINUTE);
            }, 4, 1, 0.2, true, List.of("p/n1/water", "p/n2/coal", "p/n2/gas")));
    }

    private static Stream<Case> safety() {
        return Stream.of(
            // Key emergency enterprises: k1 has all its safety streams live, k2 one of two (not reporting).
            new Case("SAFETY|key-emergency-enterprises", p -> {
                enterprise(p, "k1", EnterpriseClass.KEY_EMERGENCY_SUPERVISED);
                enterprise(p, "k2", EnterpriseClass.KEY_EMERGENCY_SUPERVISED);
                enterprise(p, "o1");
                livePoint(p, "k1", "gas", Module.SAFETY, "gas-detector", MINUTE);
                livePoint(p, "k1", "hazard", Module.SAFETY, "major-hazard-sensor", MINUTE);
                livePoint(p, "k2", "tank", Module.SAFETY, "tank", MINUTE);
                silentPoint(p, "k2", "gas", Module.SAFETY, "gas-detector", MINUTE);
                livePoint(p, "o1", "gas", Module.SAFETY, "gas-detector", MINUTE);
            }, 2, 1, 1.0, false, List.of("p/k2")),
            // Other enterprises: o1 reports, o2 silent, o3 has no safety point at all: 1 of 3.
            new Case("SAFETY|other-enterprises", p -> {
                enterprise(p, "k1", EnterpriseClass.KEY_EMERGENCY_SUPERVISED);
                enterprise(p, "o1");
                enterprise(p, "o2");
                enterprise(p, "o3");
                livePoint(p, "k1", "gas", Module.SAFETY, "gas-detector", MINUTE);
                livePoint(p, "o1", "hazard", Module.SAFETY, "non-major-hazard-sensor", MINUTE);
                silentPoint(p, "o2", "tank", Module.SAFETY, "tank", MINUTE);
                livePoint(p, "o3", "elec", Module.ENERGY, "electricity-meter", MINUTE);
            }, 3, 1, 0.2, true, List.of("p/o2", "p/o3")),
            // Major hazard streams: 1 of 5 live (20 %); a live non-major stream and gas detector do not count.
            new Case("SAFETY|major-hazard-streams", p -> {
                enterprise(p, "c1", EnterpriseClass.CHEMICAL);
                livePoint(p, "c1", "m1", Module.SAFETY, "major-hazard-sensor", MINUTE);
                for (int i = 2; i <= 5; i++) {
                    silentPoint(p, "c1", "m" + i, Module.SAFETY, "major-hazard-sensor", MINUTE);
                }
                livePoint(p, "c1", "n1", Module.SAFETY, "non-major-hazard-sensor", MINUTE);
                livePoint(p, "c1", "gas", Module.SAFETY, "gas-detector", MINUTE);
            }, 5, 1, 0.2, true, List.of("p/c1/m2", "p/c1/m3", "p/c1/m4", "p/c1/m5")),
            // Non-major hazard streams: 1 of 6 live (17 %) misses the 20 %.
            new Case("SAFETY|non-major-hazard-streams", p -> {
                enterprise(p, "c1");
                livePoint(p, "c1", "n1", Module.SAFETY, "non-major-hazard-sensor", MINUTE);
                for (int i = 2; i <= 6; i++) {
                    silentPoint(p, "c1", "n" + i, Module.SAFETY, "non-major-hazard-sensor", MINUTE);
                }
                livePoint(p, "c1", "m1", Module.SAFETY, "major-hazard-sensor", MINUTE);
            }, 6, 1, 0.2, false, List.of("p/c1/n2", "p/c1/n3", "p/c1/n4", "p/c1/n5", "p/c1/n6")));
    }

    private static Stream<Case> logisticsAndEnvironment() {
        return Stream.of(
            // Park-owned vehicles, both positions live; an external vehicle does not count.
            new Case("LOGISTICS|park-vehicles", p -> {
                enterprise(p, "park");
                livePoint(p, "park", "v1", Module.LOGISTICS, "park-vehicle", MINUTE);
                livePoint(p, "park", "v2", Module.LOGISTICS, "park-vehicle", MINUTE);
                silentPoint(p, "park", "x1", Module.LOGISTICS, "external-vehicle", MINUTE);
            }, 2, 2, 1.0, true, List.of()),
            // External vehicles: 2 of 3 supervised.
            new Case("LOGISTICS|external-vehicles", p -> {
                enterprise(p, "gate");
                livePoint(p, "gate", "x1", Module.LOGISTICS, "external-vehicle", MINUTE);
                livePoint(p, "gate", "x2", Module.LOGISTICS, "external-vehicle", MINUTE);
                silentPoint(p, "gate", "x3", Module.LOGISTICS, "external-vehicle", MINUTE);
                livePoint(p, "gate", "h1", Module.LOGISTICS, "hazmat-vehicle", MINUTE);
            }, 3, 2, 1.0, false, List.of("p/gate/x3")),
            // Hazardous-chemical vehicles: the one registered is live.
            new Case("LOGISTICS|hazmat-vehicles", p -> {
                enterprise(p, "gate");
                livePoint(p, "gate", "h1", Module.LOGISTICS, "hazmat-vehicle", MINUTE);
                silentPoint(p, "gate", "v1", Module.LOGISTICS, "park-vehicle", MINUTE);
            }, 1, 1, 1.0, true, List.of()),
            // Key polluters: p1's stack and ambient monitor live, p2 registered without any point.
            new Case("ENVIRONMENT|key-polluters", p -> {
                enterprise(p, "p1", EnterpriseClass.KEY_POLLUTER);
                enterprise(p, "p2", EnterpriseClass.KEY_POLLUTER);
                enterprise(p, "o1");
                livePoint(p, "p1", "stack", Module.ENVIRONMENT, "cems-stack", MINUTE);
                livePoint(p, "p1", "air", Module.ENVIRONMENT, "env-monitor", MINUTE);
                livePoint(p, "o1", "stack", Module.ENVIRONMENT, "cems-stack", MINUTE);
            }, 2, 1, 1.0, false, List.of("p/p2")),
            // Monitoring points of every enterprise: 2 of 5 live (40 %).
            new Case("ENVIRONMENT|monitoring-points", p -> {
                enterprise(p, "p1", EnterpriseClass.KEY_POLLUTER);
                enterprise(p, "o1");
                livePoint(p, "p1", "stack", Module.ENVIRONMENT, "cems-stack", MINUTE);
                silentPoint(p, "p1", "air", Module.ENVIRONMENT, "env-monitor", MINUTE);
                livePoint(p, "o1", "stack", Module.ENVIRONMENT, "cems-stack", MINUTE);
                silentPoint(p, "o1", "air-1", Module.ENVIRONMENT, "env-monitor", MINUTE);
                silentPoint(p, "o1", "air-2", Module.ENVIRONMENT, "env-monitor", MINUTE);
                livePoint(p, "o1", "elec", Module.ENERGY, "electricity-meter", MINUTE);
            }, 5, 2, 0.2, true, List.of("p/o1/air-1", "p/o1/air-2", "p/p1/air")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachPlanRowCountsExactlyItsDenominator(Case c) {
        park = new CoverageHarness(CoverageConfig.defaults(), stateDir, T0);
        c.registry().accept(park);
        park.advance(Duration.ofSeconds(30));

        CoverageRow row = park.row(c.row());
        assertThat(row).as("row %s emitted", c.row()).isNotNull();
        assertThat(row.required()).as("required").isEqualTo(c.required());
        assertThat(row.live()).as("live").isEqualTo(c.live());
        assertThat(row.ratio()).as("ratio").isCloseTo((double) c.live() / c.required(), within(1e-12));
        assertThat(row.target()).as("target").isEqualTo(c.target());
        assertThat(row.compliant()).as("compliant").isEqualTo(c.compliant());
        assertThat(row.silentPoints()).as("silent").containsExactlyElementsOf(c.silent());
        assertThat(row.computedAt()).isEqualTo(T0.plus(Duration.ofSeconds(30)));
    }

    private static void enterprise(CoverageHarness p, String id, EnterpriseClass... classes) {
        p.enterprise(id, classes);
    }

    private static void livePoint(CoverageHarness p, String enterprise, String id, Module module, String kind,
                                  Duration interval) {
        p.point(enterprise, id, module, kind, interval);
        p.reading(enterprise, id, Quality.N);
    }

    private static void silentPoint(CoverageHarness p, String enterprise, String id, Module module, String kind,
                                    Duration interval) {
        p.point(enterprise, id, module, kind, interval);
    }
}
