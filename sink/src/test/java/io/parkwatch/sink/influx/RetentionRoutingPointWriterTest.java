package io.parkwatch.sink.influx;

import static org.assertj.core.api.Assertions.assertThat;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import io.parkwatch.sink.PointBatch;
import io.parkwatch.sink.PointWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RetentionRoutingPointWriterTest {

    private final Map<String, List<String>> written = new TreeMap<>();

    private PointWriter recorder(String policy) {
        return points -> points.forEach(point -> written.computeIfAbsent(policy, any -> new ArrayList<>())
            .add(point.toLineProtocol()));
    }

    private static Point point(String measurement, String window) {
        Point point = Point.measurement(measurement).addTag("point", "p1").addField("v", 1.0)
            .time(1L, WritePrecision.NS);
        return window == null ? point : point.addTag("window", window);
    }

    @Test
    void aggregatesGoToTheirWindowsPolicyAndTheRestToTheDefault() throws Exception {
        RetentionRoutingPointWriter writer = RetentionRoutingPointWriter.of(policy -> recorder(policy.orElse("default")));
        writer.write(List.of(point("reading", null), point("aggregate", "1m"), point("aggregate", "1h"),
            point("coverage", null)));
        assertThat(written.keySet()).containsExactly("agg_1h", "agg_1m", "default");
        assertThat(written.get("default")).hasSize(2).allSatisfy(line -> assertThat(line).doesNotContain("window"));
        assertThat(written.get("agg_1m")).singleElement().asString().contains("window=1m");
        assertThat(written.get("agg_1h")).singleElement().asString().contains("window=1h");
    }

    @Test
    void aBatchRoutesEachPointAsItIsAddedAndWritesEveryPolicysPart() throws Exception {
        RetentionRoutingPointWriter writer = RetentionRoutingPointWriter.of(policy -> recorder(policy.orElse("default")));
        PointBatch batch = writer.newBatch(4);
        List<Point> points = List.of(point("reading", null), point("aggregate", "1m"), point("coverage", null));
        points.forEach(batch::add);
        assertThat(batch.points()).isEqualTo(points);
        assertThat(written).as("nothing before write()").isEmpty();

        batch.write();

        assertThat(written.keySet()).containsExactly("agg_1m", "default");
        assertThat(written.get("default")).hasSize(2);
        assertThat(written.get("agg_1m")).singleElement().asString().contains("window=1m");
    }
}
