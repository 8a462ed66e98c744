package io.parkwatch.contracts.permit.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.contracts.factor.FactorCatalog;
import io.parkwatch.contracts.factor.FactorMedium;
import io.parkwatch.contracts.permit.AnnualTotal;
import io.parkwatch.contracts.permit.AveragingPeriod;
import io.parkwatch.contracts.permit.Permit;
import io.parkwatch.contracts.permit.PollutantLimit;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.EnterpriseStatus;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.PointKind;
import io.parkwatch.contracts.registry.Registry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermitFileReaderTest {

    static final String VALID = """
        version: 1
        permit: 91150581XXXXXXXXX1001P
        park: otog
        enterprise: c01
        outlets:
          - id: DA001
            name: process heater stack
            medium: air
            points: [stack-01]
            pollutants:
              - {pollutant: a21026, limit: 100, unit: mg/m3, oxygen: 3, period: hour, annualTonnes: 42.5}
              - {pollutant: a21002, limit: 150, unit: mg/m3, oxygen: 3, period: hour, basis: GB 31571-2015}
          - id: DW001
            medium: water
            points: [ww-01]
            pollutants:
              - {pollutant: w01018, limit: 60, unit: mg/L, period: day, annualTonnes: 12}
        """;

    static Registry registry() {
        return new Registry(List.of(new ParkEntry("otog", "Otog", null, null)),
            List.of(new EnterpriseEntry("otog", "c01", "firm", Set.of(), EnterpriseStatus.OPERATING, null, null)),
            List.of(point("stack-01", PointKind.CEMS_STACK), point("ww-01", PointKind.ENV_MONITOR),
                point("tank-01", PointKind.TANK)));
    }

    private static PointEntry point(String id, PointKind kind) {
        return new PointEntry("otog", "c01", id, kind.module(), kind.wireName(), Duration.ofMinutes(1), null, null, true);
    }

    private static List<String> problems(String yaml, Registry registry) {
        try {
            PermitFileReader.read("permit.yaml", yaml, FactorCatalog.hj212(), registry);
        } catch (InvalidPermitException e) {
            return e.errors();
        }
        throw new AssertionError("the permit was accepted");
    }

    @Test
    void readsOutletsLimitsAndAnnualTotalsOfAValidPermit() {
        Permit permit = PermitFileReader.read("permit.yaml", VALID, FactorCatalog.hj212(), registry());

        assertThat(permit.number()).isEqualTo("91150581XXXXXXXXX1001P");
        assertThat(permit.key()).isEqualTo("otog/c01");
        assertThat(permit.pointKeys()).containsExactly("otog/c01/stack-01", "otog/c01/ww-01");
        assertThat(permit.outlets().get(0).medium()).isEqualTo(FactorMedium.AIR);
        assertThat(permit.outlets().get(1).name()).isEqualTo("DW001");
        assertThat(permit.outlets().get(0).limits()).containsExactly(
            new PollutantLimit("a21026", 100, "mg/m3", 3.0, AveragingPeriod.HOUR, 42.5, null),
            new PollutantLimit("a21002", 150, "mg/m3", 3.0, AveragingPeriod.HOUR, null, "GB 31571-2015"));
        assertThat(permit.annualTotals()).containsExactly(new AnnualTotal("DA001", "a21026", 42.5),
            new AnnualTotal("DW001", "w01018", 12));
    }

    @Test
    void listsEveryProblemWithItsLineAndFieldAndRefusesThePermitWhole() {
        String bad = """
            version: 1
            permit: 12345
            park: otog
            enterprise: c01
            outlets:
              - id: DA001
                medium: air
                points: [stack-01]
                pollutants:
                  - {pollutant: a99999, limit: 100, unit: mg/m3, period: hour}
                  - {pollutant: a21002, limit: -5, unit: mg/L, oxygen: 25, period: week}
              - id: DA001
                medium: water
                points: [ww-01]
                pollutants:
                  - {pollutant: w01018, limit: 60, unit: mg/L, oxygen: 3, period: day, annualTonnes: 0}
                  - {pollutant: a21026, limit: 60, unit: mg/m3, period: day}
            """;

        assertThat(problems(bad, null)).containsExactly(
            "permit.yaml:2: permit: '12345' is not a permit number (18-character unified social credit code,"
                + " 3-digit serial, P; e.g. 91150581XXXXXXXXX1001P)",
            "permit.yaml:10: outlets[0].pollutants[0].pollutant: unknown pollutant 'a99999': not an HJ 212-2017"
                + " factor code (e.g. a21026 SO2, w01018 COD)",
            "permit.yaml:11: outlets[0].pollutants[1].limit: must be positive, got -5.0",
            "permit.yaml:11: outlets[0].pollutants[1].unit: 'mg/L' is not a unit of a21002 (Nitrogen oxides (NOx),"
                + " mg/m3): expected a mass concentration per m3",
            "permit.yaml:11: outlets[0].pollutants[1].oxygen: reference O2 25.0 % is outside 0 to 21 % (21 % is"
                + " air itself)",
            "permit.yaml:11: outlets[0].pollutants[1].period: 'week' is not an averaging period (hour, day)",
            "permit.yaml:12: outlets[1].id: outlet 'DA001' is already defined at line 6",
            "permit.yaml:16: outlets[1].pollutants[0].oxygen: a reference O2 applies to flue gas only, not to a"
                + " water outlet",
            "permit.yaml:16: outlets[1].pollutants[0].annualTonnes: must be positive, got 0.0",
            "permit.yaml:17: outlets[1].pollutants[1].pollutant: a21026 (Sulfur dioxide) is an air factor; this"
                + " outlet is water");
    }

    @Test
    void refusesAPermitWhoseOutletIsMeasuredAtAPointTheRegistryDoesNotHave() {
        String unknown = VALID.replace("points: [ww-01]", "points: [ww-09]");

        assertThat(problems(unknown, registry())).containsExactly(
            "permit.yaml:15: outlets[1].points[0]: unknown outlet point: no point 'ww-09' of enterprise 'otog/c01'"
                + " in the registry");
        assertThat(PermitFileReader.read("permit.yaml", unknown).outlets()).hasSize(2);
    }

    @Test
    void refusesOutletPointsOfTheWrongKindAnEnterpriseOutsideTheRegistryAndAPointUsedTwice() {
        assertThat(problems(VALID.replace("points: [stack-01]", "points: [tank-01]"), registry())).containsExactly(
            "permit.yaml:9: outlets[0].points[0]: point 'tank-01' is a tank; an air outlet is measured by a"
                + " cems-stack");
        assertThat(problems(VALID.replace("points: [ww-01]", "points: [stack-01]"), registry())).containsExactly(
            "permit.yaml:15: outlets[1].points[0]: point 'stack-01' already measures an outlet at line 9",
            "permit.yaml:15: outlets[1].points[0]: point 'stack-01' is a cems-stack; a water outlet is measured by an"
                + " env-monitor");
        assertThat(problems(VALID.replace("enterprise: c01", "enterprise: c99"), registry()))
            .first().isEqualTo("permit.yaml:4: enterprise: no enterprise 'c99' in park 'otog' in the registry");
    }

    @Test
    void refusesAnUnknownFieldAMissingOutletListAndTextThatIsNotYaml() {
        assertThat(problems(VALID.replace("name: process heater stack", "nmae: x"), null)).containsExactly(
            "permit.yaml:7: outlets[0].nmae: unknown field (known: id, medium, name, points, pollutants)");
        assertThat(problems("version: 1\npermit: 91150581XXXXXXXXX1001P\npark: otog\nenterprise: c01\n", null))
            .containsExactly("permit.yaml:1: outlets: at least one outlet is required");
        assertThat(problems("outlets: [\n", null)).singleElement().asString().startsWith("permit.yaml:2: not YAML");
    }

    @Test
    void acceptsALimitInAnotherMassPrefixOfTheFactorsUnit() {
        Permit permit = PermitFileReader.read("permit.yaml", VALID.replace("limit: 100, unit: mg/m3",
            "limit: 100000, unit: ug/m3"));

        assertThat(permit.outlets().get(0).limits().get(0).unit()).isEqualTo("ug/m3");
        assertThatThrownBy(() -> PermitFileReader.read("permit.yaml", VALID.replace("unit: mg/m3", "unit: ppm")))
            .isInstanceOf(InvalidPermitException.class).hasMessageContaining("'ppm' is not a unit of a21026");
    }
}
