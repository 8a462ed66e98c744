package io.parkwatch.streams.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class PointWindowTest {

    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    private static Reading reading(String metric, double value, String unit, Quality quality) {
        return Reading.builder().messageId(metric + value).park("p").enterprise("e").point("stack-1")
            .domain(Domain.EMISSIONS).metric(metric).value(value).unit(unit).observedAt(T0).receivedAt(T0)
            .quality(quality).sourceFormat(SourceFormat.HJ212).build();
    }

    @Test
    void keepsOneRunningStatisticPerMetricOfThePoint() {
        PointWindow window = PointWindow.empty()
            .add(reading("a21026-Rtd", 10, "mg/m3", Quality.N))
            .add(reading("a19001-Rtd", 6, "%", Quality.N))
            .add(reading("a21026-Rtd", 30, "mg/m3", Quality.D));

        assertThat(window.metrics()).extracting(WindowStats::metric).containsExactly("a21026-Rtd", "a19001-Rtd");
        WindowStats so2 = window.metrics().get(0);
        assertThat(so2.count()).isEqualTo(2);
        assertThat(so2.goodCount()).isEqualTo(1);
        assertThat(so2.sum()).isEqualTo(40.0);
        assertThat(so2.min()).isEqualTo(10.0);
        assertThat(so2.max()).isEqualTo(30.0);
        assertThat(window.metrics().get(1).count()).isEqualTo(1);
    }

    @Test
    void theBinaryFormKeepsEveryFieldIncludingAbsentUnitsAndDomains() {
        PointWindowSerde serde = new PointWindowSerde();
        PointWindow window = PointWindow.empty().add(reading("a21026-Rtd", 12.5, "mg/m3", Quality.N))
            .add(reading("flow", 3, null, Quality.N));
        PointWindow noDomain = new PointWindow(java.util.List.of(new WindowStats("p", "e", "x", null, "kw", "kW",
            2, 1, 3.0, 1.0, 2.0)));

        assertThat(serde.deserialize("t", serde.serialize("t", window))).isEqualTo(window);
        assertThat(serde.deserialize("t", serde.serialize("t", noDomain))).isEqualTo(noDomain);
    }

    @Test
    void bytesOfAnotherFormatAreRefusedWithTheStoreNamed() {
        PointWindowSerde serde = new PointWindowSerde();

        assertThatThrownBy(() -> serde.deserialize("point-window-1m", new byte[] {9, 0, 1}))
            .isInstanceOf(SerializationException.class).hasMessageContaining("point-window-1m")
            .hasMessageContaining("point window");
    }
}
