package io.parkwatch.sink.influx;

import com.influxdb.client.write.Point;
import io.parkwatch.sink.PointsRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Points as one line-protocol body (UTF-8) with nanosecond timestamps, plus the points that line protocol
 * cannot express. {@code Point.toLineProtocol()} formats the time in the point's own precision,
 * so a millisecond point posted with {@code precision=ns} would land in 1970; every line is
 * therefore converted to nanoseconds here. Lines are those of {@code toLineProtocol(null, NS)},
 * written by {@link LineProtocolEncoder}.
 */
record LineProtocolBatch(byte[] bytes, int lines, List<String> unwritable) {

    /** Room for a typical line: a reading's is about 160 bytes. */
    private static final int LINE_BYTES = 192;

    static LineProtocolBatch of(List<Point> points) {
        Builder batch = new Builder(points.size());
        points.forEach(batch::add);
        return batch.build();
    }

    /** A body written line by line, as points arrive. */
    static final class Builder {

        private final LineBuffer body;
        private final List<String> unwritable = new ArrayList<>();
        private int lines;

        Builder(int expectedPoints) {
            this.body = new LineBuffer(expectedPoints * LINE_BYTES);
        }

        void add(Point point) {
            Objects.requireNonNull(point, "point");
            int start = body.length();
            if (lines > 0) {
                body.append('\n');
            }
            // Nothing when the point has no field or only NaN/infinite ones.
            if (!LineProtocolEncoder.append(body, point)) {
                body.truncate(start);
                unwritable.add(describe(point));
                return;
            }
            lines++;
        }

        LineProtocolBatch build() {
            return new LineProtocolBatch(body.toByteArray(), lines, List.copyOf(unwritable));
        }
    }

    /** The body as text. */
    String body() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Points written so far stand, like the server's own partial write; the caller learns that
     * the rest can never be written.
     */
    void failOnUnwritable() throws PointsRejectedException {
        if (!unwritable.isEmpty()) {
            throw new PointsRejectedException(0, "partial write: " + unwritable.size()
                + " point(s) without a finite field value dropped, first with " + unwritable.get(0));
        }
    }

    /** Whether line protocol can express the point: it needs one field with a finite value. */
    static boolean isWritable(Point point) {
        for (Object value : point.getFields().values()) {
            boolean nonFinite = value instanceof Double d && !Double.isFinite(d)
                || value instanceof Float f && !Float.isFinite(f);
            if (value != null && !nonFinite) {
                return true;
            }
        }
        return false;
    }

    /** The same failure as {@link #failOnUnwritable()} for points filtered with {@link #isWritable}. */
    static void failOnUnwritable(List<Point> unwritable) throws PointsRejectedException {
        List<String> described = unwritable.stream().map(LineProtocolBatch::describe).toList();
        new LineProtocolBatch(new byte[0], 0, described).failOnUnwritable();
    }

    // Point has no measurement getter; its tags are what identifies it in the message.
    private static String describe(Point point) {
        return "tags " + new TreeMap<>(point.getTags());
    }
}
