package io.parkwatch.console.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.rules.RulePackRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleShelfTest {

    private static final PointEntry STACK = new PointEntry("otog", "e001", "stack-01", Module.ENVIRONMENT,
        "cems-stack", Duration.ofMinutes(1), null, null);
    private static final List<double[]> SQUARE = List.of(new double[] {39.46, 106.93}, new double[] {39.47, 106.93},
        new double[] {39.47, 106.94});

    /** A stand-in parser: the YAML text names the area's park, "bad" is unreadable. */
    private static final RulePackReader READER = (name, source, yaml) -> {
        if (yaml.equals("bad")) {
            throw new IllegalArgumentException("line 1: not a pack");
        }
        return new PackShapes(name, List.of(new GeofenceArea("fence-" + yaml, "Fence", AreaKind.KEY_AREA,
            Set.of(yaml), SQUARE)), List.of());
    };

    private static RulePackRecord record(String name, String yaml) {
        return new RulePackRecord(name, yaml, name + ".yaml", Instant.parse("2026-11-29T08:00:00Z"));
    }

    private final RuleShelf shelf = new RuleShelf(READER, List.of(new PackShapes("default", List.of(),
        List.of(new RuleLimit("so2", Severity.CRITICAL, 35, true, null, (p, d, m) -> m.equals("a21026-Rtd"))))));

    @Test
    void builtInLimitsApplyToTheMetricsTheirRuleMatches() {
        assertThat(shelf.limitsFor(STACK, "EMISSIONS", "a21026-Rtd")).extracting(RuleLimit::ruleId)
            .containsExactly("so2");
        assertThat(shelf.limitsFor(STACK, "EMISSIONS", "a34013")).isEmpty();
    }

    @Test
    void aPublishedPackReplacesTheBuiltInOfItsNameUntilItIsWithdrawn() {
        shelf.apply("default", record("default", "otog"));
        assertThat(shelf.limitsFor(STACK, null, "a21026-Rtd")).isEmpty();
        assertThat(shelf.areasOf("otog")).extracting(GeofenceArea::ruleId).containsExactly("fence-otog");
        shelf.apply("default", null);
        assertThat(shelf.limitsFor(STACK, null, "a21026-Rtd")).hasSize(1);
        assertThat(shelf.areasOf("otog")).isEmpty();
    }

    @Test
    void areasAreDrawnOnlyOnTheParksTheirRuleMatches() {
        shelf.apply("fences", record("fences", "otog"));
        assertThat(shelf.areasOf("otog")).hasSize(1);
        assertThat(shelf.areasOf("sulige")).isEmpty();
    }

    @Test
    void anUnreadablePackKeepsItsLastGoodVersion() {
        shelf.apply("fences", record("fences", "otog"));
        shelf.apply("fences", record("fences", "bad"));
        assertThat(shelf.areasOf("otog")).extracting(GeofenceArea::ruleId).containsExactly("fence-otog");
    }

    @Test
    void aFenceKindFollowsItsShape() {
        assertThat(AreaKind.of(false, false)).isEqualTo(AreaKind.CORRIDOR);
        assertThat(AreaKind.of(true, true)).isEqualTo(AreaKind.NO_PARKING);
        assertThat(AreaKind.of(true, false)).isEqualTo(AreaKind.KEY_AREA);
        assertThat(AreaKind.NO_PARKING.wireName()).isEqualTo("no-parking");
    }

    @Test
    void atAPermittedPointOnlyThePermitsLinesAreDrawnNotTheParkWideOnesThatYield() {
        PointEntry kiln = new PointEntry("otog", "c05", "stack-01", Module.ENVIRONMENT, "cems-stack",
            Duration.ofMinutes(1), null, null);
        RuleShelf shelf = new RuleShelf(READER, List.of(
            new PackShapes("default", List.of(), List.of(new RuleLimit("so2", Severity.CRITICAL, 35, true, null,
                (p, d, m) -> true, true))),
            new PackShapes("permit.otog.c05", List.of(), List.of(new RuleLimit("permit.otog.c05.DA001.a21026",
                Severity.CRITICAL, 200, true, null, (p, d, m) -> p.enterprise().equals("c05"))),
                Set.of("otog/c05/stack-01"))));
        assertThat(shelf.limitsFor(kiln, null, "a21026-Rtd")).extracting(RuleLimit::ruleId)
            .containsExactly("permit.otog.c05.DA001.a21026");
        assertThat(shelf.limitsFor(STACK, null, "a21026-Rtd")).extracting(RuleLimit::ruleId).containsExactly("so2");
    }
}
