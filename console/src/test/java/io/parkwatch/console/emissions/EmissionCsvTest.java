package io.parkwatch.console.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class EmissionCsvTest {

    private static final EmissionQuery QUERY = new EmissionQuery(Optional.empty(), Optional.empty(), Optional.empty(),
        List.of(Pollutant.SO2), Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"),
        Interval.HOUR, true, ZoneId.of("Asia/Shanghai"));

    private static EmissionRow row(double mean, OptionalDouble limit) {
        return new EmissionRow("2026-11-01T00:00:00Z", "xilinhot", "e001", "stack,01", Pollutant.SO2, "a21026-Rtd",
            mean, 30.25, 41.0, 120, 90, limit);
    }

    @Test
    void writesAHeaderAndOneLinePerRowWithShareLimitAndExceedance() throws Exception {
        StringWriter out = new StringWriter();
        EmissionCsv csv = new EmissionCsv();
        csv.begin(out, QUERY);
        csv.row(row(36.5, OptionalDouble.of(35)));
        csv.row(row(20, OptionalDouble.empty()));
        csv.end(2, null);
        assertThat(out.toString().split("\r\n")).containsExactly(
            "time,park,enterprise,point,pollutant,metric,mean,min,max,count,good_count,good_share,limit,exceeded,basis,"
                + "unit,name_zh,name_en,valid,invalid_reason,limit_source",
            "2026-11-01T00:00:00Z,xilinhot,e001,\"stack,01\",a21026,a21026-Rtd,36.5,30.25,41,120,90,0.75,35,true,measured,"
                + "mg/m3,二氧化硫,Sulfur dioxide,true,,ultra-low",
            "2026-11-01T00:00:00Z,xilinhot,e001,\"stack,01\",a21026,a21026-Rtd,20,30.25,41,120,90,0.75,,,measured,"
                + "mg/m3,二氧化硫,Sulfur dioxide,true,,");
    }

    @Test
    void anInvalidRowCarriesItsReasonAndIsNotJudged() {
        // 80 of 120 values normal is under the flue-gas three quarters; 50 would exceed 35 if the hour counted.
        assertThat(EmissionCsv.line(new EmissionRow("2026-11-01T00:00:00Z", "xilinhot", "e001", "stack-01",
            Pollutant.SO2, "a21026-Rtd", 50, 40, 60, 120, 80, OptionalDouble.of(35)))).isEqualTo(
            "2026-11-01T00:00:00Z,xilinhot,e001,stack-01,a21026,a21026-Rtd,50,40,60,120,80,0.6666666666666666,35,,"
                + "measured,mg/m3,二氧化硫,Sulfur dioxide,false,TOO_FEW_NORMAL(80 of 120 values),ultra-low\r\n");
    }

    @Test
    void aWaterFactorWithoutALimitLeavesLimitAndExceedanceEmptyAndCarriesItsUnitAndNames() {
        Pollutant cod = Pollutant.lookup("w01018", io.parkwatch.contracts.factor.FactorCatalog.hj212()).get(0);
        assertThat(EmissionCsv.line(new EmissionRow("2026-11-01T00:00:00Z", "xilinhot", "e004", "outfall-01", cod,
            "w01018-Avg-hour", 42, 40, 45, 6, 6, OptionalDouble.empty()))).isEqualTo(
            "2026-11-01T00:00:00Z,xilinhot,e004,outfall-01,w01018,w01018-Avg-hour,42,40,45,6,6,1,,,measured,mg/L,"
                + "化学需氧量,Chemical oxygen demand (COD),true,,\r\n");
    }

    @Test
    void anExportThatBrokeOffSaysSoOnItsLastLine() throws Exception {
        StringWriter out = new StringWriter();
        EmissionCsv csv = new EmissionCsv();
        csv.begin(out, QUERY);
        csv.row(row(10, OptionalDouble.of(35)));
        csv.end(1, "InfluxDB at http://x did not answer:\nreset");
        assertThat(out.toString()).endsWith("# incomplete: InfluxDB at http://x did not answer: reset\r\n");
    }

    @Test
    void numbersArePlainDecimals() {
        assertThat(EmissionCsv.number(0.0001)).isEqualTo("0.0001");
        assertThat(EmissionCsv.number(1.0E7)).isEqualTo("10000000");
        assertThat(EmissionCsv.number(Double.NaN)).isEmpty();
    }
}
