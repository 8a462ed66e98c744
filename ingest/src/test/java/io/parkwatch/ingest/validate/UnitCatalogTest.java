package io.parkwatch.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.factor.Factor;
import io.parkwatch.contracts.factor.FactorCatalog;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnitCatalogTest {

    private final UnitCatalog units = UnitCatalog.defaults();

    @Test
    void hj212MetricsAreLookedUpByTheirMostSpecificLine() {
        assertThat(units.unitOf("a21026-Rtd")).contains("mg/m3");
        assertThat(units.unitOf("a21026-Avg-hour")).contains("mg/m3");
        assertThat(units.unitOf("a21026-Cou-day")).contains("kg");
        assertThat(units.unitOf("w00000-Cou-hour")).contains("m3");
        assertThat(units.check("a21026-Cou-hour", "kg")).isEmpty();
        assertThat(units.check("a21026-Cou-hour", "mg/m3")).get().asString().contains("[kg]");
    }

    @Test
    void everyFactorOfTheStandardsTablesHasItsUnitAndItsTotalUnit() {
        Set<String> overridden = Set.of("a21001", "w01001");
        for (Factor factor : FactorCatalog.hj212().all()) {
            if (overridden.contains(factor.code())) {
                continue;
            }
            assertThat(units.unitOf(factor.code() + "-Rtd")).as(factor.code()).contains(factor.unit());
            assertThat(units.unitOf(factor.code() + "-Cou-day")).as(factor.code())
                .contains(factor.total().orElse(factor.unit()));
        }
        assertThat(units.unitOf("a21004-Avg-hour")).contains("mg/m3");
        assertThat(units.unitOf("w20111-Cou-hour")).contains("g");
    }

    @Test
    void unitsPropertiesOverridesTheTableForOneMetric() {
        assertThat(units.unitOf("a21001-Rtd")).contains("mg/m3");
        assertThat(units.unitOf("a21001-Cou-hour")).contains("kg");
        assertThat(units.unitOf("w01001-Rtd")).contains("pH");
    }

    @Test
    void aMetricWithSeveralUnitsOrNoneHasNoSoleUnit() {
        assertThat(units.unitOf("active_power")).isEmpty();
        assertThat(units.unitOf("a99054-Rtd")).isEmpty();
        assertThat(units.unitOf("w01008-Rtd")).isEmpty();
        assertThat(units.check("active_power", "kW")).isEmpty();
        assertThat(units.check("vibration", "furlong")).isPresent();
    }

    @Test
    void theFactorTablesDoNotWidenTheUnitsOfUndeclaredMetrics() {
        assertThat(units.check("vibration", "ng/m3")).as("a table-only unit").isPresent();
        assertThat(units.check("vibration", "m/s")).as("declared before by a01011, now in units.other").isEmpty();
        assertThat(units.check("vibration", "mg/m3")).isEmpty();
        assertThat(units.check("vibration", "pH")).isEmpty();
    }
}
