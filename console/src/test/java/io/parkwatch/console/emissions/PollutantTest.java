package io.parkwatch.console.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.factor.FactorCatalog;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PollutantTest {

    private static final FactorCatalog CATALOG = FactorCatalog.hj212();

    private static List<String> codes(String text) {
        return Pollutant.lookup(text, CATALOG).stream().map(Pollutant::code).toList();
    }

    @Test
    void theLoggersPeriodAveragesAndTheConvertedValuesCountAsThePollutant() {
        assertThat(Pollutant.SO2.metrics()).contains("a21026", "a21026-Rtd", "a21026-Avg-hour", "a21026-ZsRtd",
            "a21026-ZsAvg-day").as("a flow total or a maximum is no concentration")
            .doesNotContain("a21026-Cou-hour", "a21026-Max-hour");
        assertThat(Pollutant.lookup("w01018", CATALOG).get(0).metrics()).contains("w01018", "w01018-Rtd",
            "w01018-Avg-hour");
    }

    @Test
    void aRowSaysWhetherItsValuesAreAtTheReferenceOxygenOrAsMeasured() {
        assertThat(row("a21026-ZsAvg-hour").basis()).isEqualTo("reference_o2");
        assertThat(row("a21026-ZsRtd").basis()).isEqualTo("reference_o2");
        assertThat(row("a21026-Avg-hour").basis()).isEqualTo("measured");
        assertThat(row("a21026").basis()).isEqualTo("measured");
    }

    @Test
    void anyFactorIsFoundByItsHj212CodeInAnyCase() {
        assertThat(codes("w01018")).containsExactly("w01018");
        assertThat(codes(" W21003 ")).containsExactly("w21003");
        assertThat(codes("a21005")).containsExactly("a21005");
        Pollutant cod = Pollutant.lookup("w01018", CATALOG).get(0);
        assertThat(cod.factor().unit()).isEqualTo("mg/L");
        assertThat(cod.factor().nameZh()).isEqualTo("化学需氧量");
        assertThat(cod.label()).isEqualTo("Chemical oxygen demand (COD)");
    }

    @Test
    void anOldLoggersHj212Of2005CodeFindsTheFactorItStandsFor() {
        assertThat(codes("011")).containsExactly("w01018");
        assertThat(codes("02")).containsExactly("a21026");
        assertThat(codes("b01")).containsExactly("w00000");
    }

    @Test
    void aChineseNameFindsTheFactor() {
        assertThat(codes("化学需氧量")).containsExactly("w01018");
        assertThat(codes("二氧化硫")).containsExactly("a21026");
    }

    @Test
    void anEnglishNameFindsTheFactorWhateverItsCase() {
        assertThat(codes("chemical oxygen demand (cod)")).containsExactly("w01018");
        assertThat(codes("SULFUR DIOXIDE")).containsExactly("a21026");
    }

    @Test
    void theShortNamesOfTheThreeLimitedPollutantsStillWork() {
        assertThat(codes("so2")).containsExactly("a21026");
        assertThat(codes("NOx")).containsExactly("a21002");
        assertThat(codes("particulate")).containsExactly("a34013");
        assertThat(Pollutant.SO2.label()).isEqualTo("so2");
        assertThat(Pollutant.DEFAULTS).containsExactly(Pollutant.PARTICULATE, Pollutant.SO2, Pollutant.NOX);
    }

    @Test
    void aNameBothTablesCarryNamesTheFactorOfEach() {
        assertThat(codes("汞")).containsExactly("w20142", "a20058");
        assertThat(codes("mercury")).containsExactly("w20142", "a20058");
    }

    @Test
    void anUnknownCodeOrNameFindsNothing() {
        assertThat(codes("unobtainium")).isEmpty();
        assertThat(codes("a99999")).isEmpty();
        assertThat(codes("  ")).isEmpty();
    }

    private static EmissionRow row(String metric) {
        return new EmissionRow("2026-11-01T00:00:00Z", "p", "e", "s", Pollutant.SO2, metric, 1, 1, 1, 1, 1,
            OptionalDouble.of(35));
    }
}
