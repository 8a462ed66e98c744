package io.parkwatch.contracts.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadingTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private static Reading reading(Double value, Quality quality) {
        return new Reading("m", "park", "ent", "pt", Domain.ENERGY, "kwh", value, null, null, T0, T0, quality,
            SourceFormat.JSON);
    }

    @Test
    void isKeyedByParkEnterpriseAndPoint() {
        assertThat(reading(1.0, Quality.N).pointKey()).isEqualTo("park/ent/pt");
    }

    @Test
    void missingQualityMeansNormal() {
        assertThat(reading(1.0, null).quality()).isEqualTo(Quality.N);
    }

    @Test
    void rejectsNonFiniteValues() {
        assertThatThrownBy(() -> reading(Double.NaN, Quality.N)).hasMessageContaining("finite");
        assertThatThrownBy(() -> reading(Double.POSITIVE_INFINITY, Quality.N)).hasMessageContaining("finite");
    }

    @Test
    void needsAValueOrAPosition() {
        assertThatThrownBy(() -> reading(null, Quality.N)).hasMessageContaining("value or a position");
    }

    @Test
    void onlyNormalQualityIsGood() {
        assertThat(Quality.N.isGood()).isTrue();
        assertThat(Quality.D.isGood()).isFalse();
        assertThat(Quality.M.isGood()).isFalse();
    }
}
