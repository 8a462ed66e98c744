package io.parkwatch.sink.influx;

import static org.assertj.core.api.Assertions.assertThat;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.sink.PointMapping;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The encoder's lines are Point's own, byte for byte, however hostile the names and values. */
class LineProtocolEncoderTest {

    private static final String HOSTILE = " ,=\n\r\t\\\"'#éü中\uD83D\uDE00aZ09_-.:/";
    private static final double[] DOUBLES = {0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1e-3, 9.99e-4, 0.002, 1e-5,
        1e7, 9_999_999.999, 1e7 + 0.5, 1e15, 1e16, 2e23, 1e23, 123_456_789.125, Double.MIN_VALUE, Double.MIN_NORMAL,
        Double.MAX_VALUE, -Double.MAX_VALUE, Math.PI, -Math.E, 100.0, 1.0 / 3, 2.0 / 3, 5e-324, 4.35, 0.1 + 0.2,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    @Test
    void theFastPathIsInUseWithThisClientVersion() {
        assertThat(LineProtocolEncoder.fast()).isTrue();
    }

    @Test
    void linesAreByteIdenticalToPointsOwnForHostileTagsFieldsAndNumbers() {
        Random random = new Random(20261129L);
        List<Point> points = new ArrayList<>();
        for (int n = 0; n < 30_000; n++) {
            points.add(randomPoint(random));
        }
        for (double value : DOUBLES) {
            points.add(Point.measurement("m").addTag("t", "v").addField("d", value).time(1L, WritePrecision.NS));
            points.add(Point.measurement("m").addField("d", value).addField("f", (float) value));
        }
        for (Point point : points) {
            assertIdentical(point);
        }
    }

    @Test
    void readingsAsTheSinkMapsThemAreByteIdentical() {
        Random random = new Random(7L);
        for (int n = 0; n < 5_000; n++) {
            Instant at = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), random.nextInt(1_000_000_000));
            Reading reading = Reading.builder().messageId("id " + n + text(random, 6)).park("park" + text(random, 3))
                .enterprise("e" + text(random, 4)).point("p=" + text(random, 4))
                .domain(Domain.values()[random.nextInt(Domain.values().length)]).metric("a21026,x")
                .value(finiteDouble(random)).unit(random.nextBoolean() ? "" : "mg/m3 " + text(random, 2))
                .observedAt(at).receivedAt(at).quality(Quality.values()[random.nextInt(Quality.values().length)])
                .sourceFormat(SourceFormat.JSON).build();
            assertIdentical(PointMapping.reading(reading));
        }
    }

    @Test
    void aTextRepeatedAsMeasurementTagAndFieldKeepsEachOnesEscaping() {
        String longText = "k=v, x\u00e9".repeat(10);
        for (String text : List.of("a=b c,d", "caf\u00e9 =", longText, "a=b c,d")) {
            assertIdentical(Point.measurement(text).addTag(text, text).addField(text, 1.5).time(7L, WritePrecision.NS));
            assertIdentical(Point.measurement("m").addTag("t", text).addField("f", text).time(8L, WritePrecision.NS));
            assertIdentical(Point.measurement(text).addField(text, 2L).time(9L, WritePrecision.NS));
        }
        LineBuffer body = new LineBuffer(4);
        LineProtocolEncoder.append(body, Point.measurement("a=b c").addTag("a=b c", "a=b c").addField("f", 1L)
            .time(1L, WritePrecision.NS));
        assertThat(body.toString()).isEqualTo("a=b\\ c,a\\=b\\ c=a\\=b\\ c f=1i 1");
    }

    @Test
    void aBatchBodyIsPointsLinesJoinedByNewlines() {
        Random random = new Random(3L);
        List<Point> points = new ArrayList<>();
        StringBuilder expected = new StringBuilder();
        for (int n = 0; n < 2_000; n++) {
            Point point = randomPoint(random);
            points.add(point);
            String line = point.toLineProtocol(null, WritePrecision.NS);
            if (!line.isEmpty()) {
                expected.append(expected.length() == 0 ? "" : "\n").append(line);
            }
        }
        // What goes over the wire: Point's lines joined, in UTF-8 (a lone surrogate is '?' either way).
        assertThat(LineProtocolBatch.of(points).bytes()).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void assertIdentical(Point point) {
        LineBuffer body = new LineBuffer(4);
        body.appendUtf8("prefix\n");
        boolean written = LineProtocolEncoder.append(body, point);
        String expected = point.toLineProtocol(null, WritePrecision.NS);
        assertThat(body.toByteArray()).as(expected).isEqualTo(("prefix\n" + expected).getBytes(StandardCharsets.UTF_8));
        assertThat(written).isEqualTo(!expected.isEmpty());
    }

    private static Point randomPoint(Random random) {
        Point point = Point.measurement(random.nextInt(5) == 0 ? text(random, 8) : "reading");
        int tags = random.nextInt(8);
        for (int i = 0; i < tags; i++) {
            point.addTag(random.nextInt(10) == 0 ? "" : text(random, 1 + random.nextInt(6)),
                random.nextInt(10) == 0 ? null : text(random, random.nextInt(12)));
        }
        int fields = random.nextInt(5);
        for (int i = 0; i < fields; i++) {
            String name = text(random, 1 + random.nextInt(6)) + i;
            switch (random.nextInt(9)) {
                case 0 -> point.addField(name, random.nextLong());
                case 1 -> point.addField(name, random.nextBoolean());
                case 2 -> point.addField(name, text(random, random.nextInt(16)));
                case 3 -> point.addField(name, (Number) random.nextInt());
                case 4 -> point.addField(name, random.nextFloat() * 1000);
                case 5 -> point.addField(name, new BigDecimal(random.nextGaussian() * 1e6));
                case 6 -> point.addField(name, (String) null);
                default -> point.addField(name, randomDouble(random));
            }
        }
        return time(point, random);
    }

    private static Point time(Point point, Random random) {
        long nanos = 1_700_000_000_000_000_000L + random.nextLong(1_000_000_000_000_000L);
        return switch (random.nextInt(8)) {
            case 0 -> point;
            case 1 -> point.time(nanos / 1_000_000, WritePrecision.MS);
            case 2 -> point.time(nanos / 1_000, WritePrecision.US);
            case 3 -> point.time(nanos / 1_000_000_000, WritePrecision.S);
            case 4 -> point.time(BigInteger.valueOf(nanos), WritePrecision.NS);
            default -> point.time(nanos, WritePrecision.NS);
        };
    }

    private static double finiteDouble(Random random) {
        double value = randomDouble(random);
        return Double.isFinite(value) ? value : random.nextDouble();
    }

    private static double randomDouble(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> DOUBLES[random.nextInt(DOUBLES.length)];
            case 2 -> random.nextInt(100_000) / 100.0;
            case 3 -> random.nextGaussian() * Math.pow(10, random.nextInt(30) - 15);
            default -> Math.round(random.nextDouble() * 1e6) / Math.pow(10, random.nextInt(8));
        };
    }

    private static String text(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(3) == 0 ? HOSTILE.charAt(random.nextInt(HOSTILE.length()))
                : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
