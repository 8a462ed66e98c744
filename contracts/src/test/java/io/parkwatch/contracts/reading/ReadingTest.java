package io.parkwatch.contracts.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadingTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private static Reading reading(Double value, Quality quality) {
        return Reading.builder().messageId("m").park("park").enterprise("ent").point("pt").domain(Domain.ENERGY)
            .metric("kwh").value(value).observedAt(T0).receivedAt(T0).quality(quality).sourceFormat(SourceFormat.JSON)
            .build();
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

    @Test
    void theBuilderPutsEachNamedFieldInItsPlace() {
        Position position = new Position(43.9, 116.0, 30, 90, 1000, 4L, 2L);
        Reading built = Reading.builder().messageId("m").park("park").enterprise("ent").point("pt")
            .domain(Domain.LOGISTICS).metric("position").value(7.5).position(position).unit("km/h").observedAt(T0)
            .receivedAt(T0.plusSeconds(1)).quality(Quality.D).sourceFormat(SourceFormat.JT808).build();
        assertThat(built).isEqualTo(new Reading("m", "park", "ent", "pt", Domain.LOGISTICS, "position", 7.5, position,
            "km/h", T0, T0.plusSeconds(1), Quality.D, SourceFormat.JT808));
    }

    @Test
    void theBuilderValidatesAsTheConstructorDoes() {
        assertThatThrownBy(() -> Reading.builder().messageId("m").park("park").enterprise("ent").domain(Domain.ENERGY)
            .metric("kwh").value(1.0).observedAt(T0).receivedAt(T0).sourceFormat(SourceFormat.JSON).build())
            .hasMessageContaining("point is required");
    }
}
