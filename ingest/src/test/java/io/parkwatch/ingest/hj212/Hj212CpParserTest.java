package io.parkwatch.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.RejectedInputException;
import java.time.Instant;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class Hj212CpParserTest {

    private static AbstractThrowableAssert<?, ?> refused(String cp, RejectReason reason) {
        return assertThatThrownBy(() -> Hj212CpParser.parse(cp))
            .isInstanceOf(RejectedInputException.class)
            .satisfies(e -> assertThat(((RejectedInputException) e).reason()).isEqualTo(reason));
    }

    @Test
    void readsValuesFlagsAndTheDataTimeInChinaTime() throws Exception {
        Hj212Data data = Hj212CpParser.parse("DataTime=20261123155900;a21026-Rtd=35.2,a21026-Flag=N,"
            + "a21026-SampleTime=20261123155800;a21002-Rtd=-1.5e1,a21002-ZsRtd=20,a21002-Flag=T;a19001-Rtd=.5");

        assertThat(data.dataTime()).isEqualTo(Instant.parse("2026-11-23T07:59:00Z"));
        assertThat(data.dataTimeText()).isEqualTo("20261123155900");
        assertThat(data.values()).containsExactly(
            new Hj212Value("a21026", "Rtd", 35.2, Quality.N),
            new Hj212Value("a21002", "Rtd", -15.0, Quality.T),
            new Hj212Value("a21002", "ZsRtd", 20.0, Quality.T),
            new Hj212Value("a19001", "Rtd", 0.5, Quality.N));
    }

    @Test
    void emptyFieldsAreSkippedButANameWithoutAValueIsRefused() throws Exception {
        Hj212Data data = Hj212CpParser.parse("DataTime=20261123155900;;a21026-Rtd=35.2,,a21026-Flag=N;");

        assertThat(data.values()).containsExactly(new Hj212Value("a21026", "Rtd", 35.2, Quality.N));
        refused("DataTime=20261123155900;a21026-Rtd=", RejectReason.NON_FINITE_VALUE);
    }

    @Test
    void aDataTimeWithMillisecondsIsReadToTheMillisecond() throws Exception {
        Hj212Data data = Hj212CpParser.parse("DataTime=20261123155900250;a21026-Rtd=35.2");

        assertThat(data.dataTime()).isEqualTo(Instant.parse("2026-11-23T07:59:00.250Z"));
        assertThat(data.dataTimeText()).isEqualTo("20261123155900250");
        assertThat(Hj212CpParser.parse("DataTime=20261123155900000;a21026-Rtd=1").dataTime())
            .isEqualTo(Hj212CpParser.parse("DataTime=20261123155900;a21026-Rtd=1").dataTime());
    }

    @Test
    void aDataTimeOfAnotherLengthOrAnImpossibleOneWithMillisecondsIsRefused() {
        refused("DataTime=2026112315590025;a21026-Rtd=1", RejectReason.TIMESTAMP_INVALID)
            .hasMessageContaining("is not YYYYMMDDhhmmss or YYYYMMDDhhmmsszzz");
        refused("DataTime=202611231559002500;a21026-Rtd=1", RejectReason.TIMESTAMP_INVALID);
        refused("DataTime=20260230120000000;a21026-Rtd=1", RejectReason.TIMESTAMP_INVALID)
            .hasMessageContaining("not a calendar time");
    }

    @Test
    void aFieldRepeatedWithTheSameValueIsReadOnce() throws Exception {
        Hj212Data data = Hj212CpParser.parse("DataTime=20261123155900;a21026-Rtd=35.2,a21026-Flag=D,"
            + "a21026-Flag=D;a21002-Rtd=48.1;a21002-Rtd=48.10;DataTime=20261123155900");

        assertThat(data.values()).containsExactly(
            new Hj212Value("a21026", "Rtd", 35.2, Quality.D),
            new Hj212Value("a21002", "Rtd", 48.1, Quality.N));
    }

    @Test
    void aFlagRepeatedWithAnotherValueIsRefusedWithBothValues() {
        refused("DataTime=20261123155900;a21026-Rtd=35.2,a21026-Flag=N,a21026-Flag=D", RejectReason.HJ212_MALFORMED_CP)
            .hasMessageContaining("a21026-Flag appears twice with different values (N, then D)");
    }

    @Test
    void emptyFieldsFromTrailingSeparatorsArePassedOver() throws Exception {
        assertThat(Hj212CpParser.parse("DataTime=20261123155900;;a21026-Rtd=1,;").values()).hasSize(1);
    }

    @Test
    void notANumberGarbageOverflowAndEmptyValuesAreRefusedAsNonFinite() {
        refused("DataTime=20261123155900;a21026-Rtd=NaN", RejectReason.NON_FINITE_VALUE)
            .hasMessageContaining("a21026-Rtd value 'NaN' is not a decimal number");
        refused("DataTime=20261123155900;a21026-Rtd=Infinity", RejectReason.NON_FINITE_VALUE);
        refused("DataTime=20261123155900;a21026-Rtd=12,3", RejectReason.HJ212_MALFORMED_CP);
        refused("DataTime=20261123155900;a21026-Rtd=0x1F", RejectReason.NON_FINITE_VALUE);
        refused("DataTime=20261123155900;a21026-Rtd=1e999", RejectReason.NON_FINITE_VALUE)
            .hasMessageContaining("not a finite number");
        refused("DataTime=20261123155900;a21026-Rtd=", RejectReason.NON_FINITE_VALUE);
    }

    @Test
    void anAbsurdOrMissingDataTimeIsRefused() {
        refused("DataTime=20261332250000;a21026-Rtd=1", RejectReason.TIMESTAMP_INVALID)
            .hasMessageContaining("not a calendar time");
        refused("DataTime=20260230120000;a21026-Rtd=1", RejectReason.TIMESTAMP_INVALID);
        refused("DataTime=2026-11-23;a21026-Rtd=1", RejectReason.TIMESTAMP_INVALID);
        refused("a21026-Rtd=1", RejectReason.MISSING_FIELD);
    }

    @Test
    void malformedFieldsAreRefusedWithTheFieldInTheDetail() {
        refused("DataTime=20261123155900;a21026-Rtd", RejectReason.HJ212_MALFORMED_CP)
            .hasMessageContaining("'a21026-Rtd' is not name=value");
        refused("DataTime=20261123155900;RtdInterval=30", RejectReason.HJ212_MALFORMED_CP)
            .hasMessageContaining("RtdInterval");
        refused("DataTime=20261123155900;a21026-Foo=1", RejectReason.HJ212_MALFORMED_CP)
            .hasMessageContaining("unknown kind 'Foo'");
        refused("DataTime=20261123155900;a21026-Rtd=1,a21026-Flag=X", RejectReason.HJ212_MALFORMED_CP)
            .hasMessageContaining("N F M S D C T B");
        refused("DataTime=20261123155900;a21026-Rtd=1;a21026-Rtd=2", RejectReason.HJ212_MALFORMED_CP)
            .hasMessageContaining("a21026-Rtd appears twice with different values (1.0, then 2)");
        refused("DataTime=20261123155900;a21026-Flag=N", RejectReason.HJ212_MALFORMED_CP)
            .hasMessageContaining("holds no value");
        refused("DataTime=20261123155900;DataTime=20261123160000;a21026-Rtd=1", RejectReason.HJ212_MALFORMED_CP)
            .hasMessageContaining("differs");
    }
}
