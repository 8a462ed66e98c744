package io.parkwatch.console.emissions.validity;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.factor.FactorMedium;
import io.parkwatch.contracts.reading.Quality;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidityEngineTest {

    private static List<Validity> marks(int valid, Validity invalid, int invalidCount) {
        List<Validity> marks = new ArrayList<>(Collections.nCopies(valid, Validity.VALID));
        marks.addAll(Collections.nCopies(invalidCount, invalid));
        return marks;
    }

    @Test
    void aValueIsValidOnlyWithFlagNAndOtherwiseNamesItsFlag() {
        assertThat(ValidityEngine.ofFlag(Quality.N)).isEqualTo(Validity.VALID);
        assertThat(ValidityEngine.ofFlag(Quality.D).reason()).isEqualTo("FLAG_D");
        for (String flag : List.of("F", "M", "S", "C", "T", "B")) {
            assertThat(ValidityEngine.ofFlag(flag).reason()).isEqualTo("FLAG_" + flag);
        }
        assertThat(ValidityEngine.ofFlag("X").reason()).isEqualTo("FLAG_X");
        assertThat(ValidityEngine.ofFlag("").reason()).isEqualTo("FLAG_MISSING");
    }

    @Test
    void aFlueGasWindowNeedsThreeQuartersOfItsValuesNormal() {
        assertThat(ValidityEngine.ofWindow(FactorMedium.AIR, 120, 90).valid()).isTrue();
        assertThat(ValidityEngine.ofWindow(FactorMedium.AIR, 120, 89).reason())
            .isEqualTo("TOO_FEW_NORMAL(89 of 120 values)");
        assertThat(ValidityEngine.ofWindow(FactorMedium.AIR, 1, 0).reason()).isEqualTo("TOO_FEW_NORMAL(0 of 1 values)");
        assertThat(ValidityEngine.ofWindow(FactorMedium.AIR, 0, 0).reason()).isEqualTo("NO_DATA");
    }

    @Test
    void oneAbnormalValueMakesAWasteWaterWindowInvalid() {
        assertThat(ValidityEngine.ofWindow(FactorMedium.WATER, 6, 6).valid()).isTrue();
        assertThat(ValidityEngine.ofWindow(FactorMedium.WATER, 6, 5).reason())
            .isEqualTo("ABNORMAL_VALUES(1 of 6 values)");
    }

    @Test
    void aFlueGasHourNeeds45ValidMinutes() {
        Validity calibrating = Validity.invalid("FLAG_C");
        assertThat(ValidityEngine.ofHourFromMinutes(FactorMedium.AIR, marks(45, calibrating, 15)).valid()).isTrue();
        assertThat(ValidityEngine.ofHourFromMinutes(FactorMedium.AIR, marks(32, calibrating, 28)).reason())
            .isEqualTo("TOO_FEW_VALUES(32 of 45 min)");
        // Minutes that never arrived count as missing, not as valid.
        assertThat(ValidityEngine.ofHourFromMinutes(FactorMedium.AIR, marks(44, calibrating, 0)).reason())
            .isEqualTo("TOO_FEW_VALUES(44 of 45 min)");
        assertThat(ValidityEngine.ofHourFromMinutes(FactorMedium.WATER, marks(59, calibrating, 1)).reason())
            .isEqualTo("INVALID_PARTS(1 of 60 min)");
    }

    @Test
    void aFlueGasDayNeeds20ValidHours() {
        Validity fault = Validity.invalid("FLAG_D");
        assertThat(ValidityEngine.ofDay(FactorMedium.AIR, marks(20, fault, 4)).valid()).isTrue();
        assertThat(ValidityEngine.ofDay(FactorMedium.AIR, marks(19, fault, 5)).reason())
            .isEqualTo("TOO_FEW_HOURS(19 of 20 h)");
    }

    @Test
    void aWasteWaterDayIsInvalidWithOneInvalidHourAndWithoutData() {
        Validity fault = Validity.invalid("FLAG_D");
        assertThat(ValidityEngine.ofDay(FactorMedium.WATER, marks(12, fault, 0)).valid()).isTrue();
        assertThat(ValidityEngine.ofDay(FactorMedium.WATER, marks(11, fault, 1)).reason())
            .isEqualTo("INVALID_PARTS(1 of 12 h)");
        assertThat(ValidityEngine.ofDay(FactorMedium.WATER, List.of()).reason()).isEqualTo("NO_DATA");
    }

    @Test
    void theReasonCodeDropsItsFigures() {
        assertThat(Validity.invalid("TOO_FEW_VALUES(32 of 45 min)").reasonCode()).isEqualTo("TOO_FEW_VALUES");
        assertThat(Validity.invalid("FLAG_D").reasonCode()).isEqualTo("FLAG_D");
    }
}
