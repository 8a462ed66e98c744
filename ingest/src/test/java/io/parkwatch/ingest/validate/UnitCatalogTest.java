package io.parkwatch.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

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
    void aMetricWithSeveralUnitsOrNoneHasNoSoleUnit() {
        assertThat(units.unitOf("active_power")).isEmpty();
        assertThat(units.unitOf("a99054-Rtd")).isEmpty();
        assertThat(units.check("active_power", "kW")).isEmpty();
        assertThat(units.check("vibration", "furlong")).isPresent();
    }
}
