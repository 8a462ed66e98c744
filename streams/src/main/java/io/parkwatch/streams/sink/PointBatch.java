package io.parkwatch.streams.sink;

import com.influxdb.client.write.Point;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One batch for a {@link PointWriter}: filled point by point, then written, and written again
 * as it is after a failure. A writer may prepare its request as the points arrive (the v1 writer
 * encodes each line at once, while the point is fresh in the cache): the sink fills the next
 * batch on its consumer thread while the previous one is on the wire, so that work overlaps the
 * write instead of delaying it.
 */
public interface PointBatch {

    /** Adds a point; not after the batch was written. */
    void add(Point point);

    /** The points added so far, in order. */
    List<Point> points();

    /** Writes the batch, with {@link PointWriter#write}'s contract and failures. */
    void write() throws PointWriteException;

    /** A batch that only collects its points and hands them to {@code writer.write}. */
    static PointBatch collecting(PointWriter writer, int expectedPoints) {
        List<Point> points = new ArrayList<>(expectedPoints);
        List<Point> view = Collections.unmodifiableList(points);
        return new PointBatch() {
            @Override
            public void add(Point point) {
                points.add(point);
            }

            @Override
            public List<Point> points() {
                return view;
            }

            @Override
            public void write() throws PointWriteException {
                writer.write(points);
            }
        };
    }
}
