package io.parkwatch.sink.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import io.parkwatch.sink.PointsRejectedException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineProtocolBatchTest {

    @Test
    void everyTimestampIsWrittenInNanoseconds() {
        Point millis = Point.measurement("m").addTag("s", "a").addField("v", 1.5).time(1_234L, WritePrecision.MS);
        Point nanos = Point.measurement("m").addTag("s", "b").addField("v", 2L).time(5L, WritePrecision.NS);
        LineProtocolBatch batch = LineProtocolBatch.of(List.of(millis, nanos));
        assertThat(batch.body()).isEqualTo("m,s=a v=1.5 1234000000\nm,s=b v=2i 5");
        assertThat(batch.lines()).isEqualTo(2);
        assertThat(batch.unwritable()).isEmpty();
    }

    @Test
    void pointsWithoutAFiniteFieldAreReportedNotSilentlyDropped() {
        Point nan = Point.measurement("m").addTag("s", "nan").addField("v", Double.NaN).time(1L, WritePrecision.NS);
        Point none = Point.measurement("m").addTag("s", "none").time(1L, WritePrecision.NS);
        Point good = Point.measurement("m").addTag("s", "ok").addField("v", 1.0).time(1L, WritePrecision.NS);
        LineProtocolBatch batch = LineProtocolBatch.of(List.of(nan, good, none));
        assertThat(batch.body()).isEqualTo("m,s=ok v=1.0 1");
        assertThat(batch.unwritable()).hasSize(2);
        assertThatThrownBy(batch::failOnUnwritable)
            .isInstanceOf(PointsRejectedException.class)
            .hasMessageContaining("2 point(s)")
            .hasMessageContaining("s=nan");
        assertThat(LineProtocolBatch.isWritable(nan)).isFalse();
        assertThat(LineProtocolBatch.isWritable(none)).isFalse();
        assertThat(LineProtocolBatch.isWritable(good)).isTrue();
    }
}
