package io.parkwatch.sink;

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
public abstract class PointBatch {

    private final List<Point> points;
    private final List<Point> view;
    private boolean written;

    protected PointBatch(int expectedPoints) {
        this.points = new ArrayList<>(expectedPoints);
        this.view = Collections.unmodifiableList(points);
    }

    /** A batch that only collects its points and hands them to {@code writer.write}. */
    public static PointBatch collecting(PointWriter writer, int expectedPoints) {
        return new PointBatch(expectedPoints) {
            @Override
            protected void send() throws PointWriteException {
                writer.write(points());
            }
        };
    }

    /** Adds a point; not after the batch was written. */
    public final void add(Point point) {
        if (written) {
            throw new IllegalStateException("the batch was written already");
        }
        prepare(point);
        points.add(point);
    }

    /** The points added so far, in order. */
    public final List<Point> points() {
        return view;
    }

    /** Writes the batch, with {@link PointWriter#write}'s contract and failures. */
    public final void write() throws PointWriteException {
        written = true;
        send();
    }

    /** Prepares the request for a point as it is added; by default nothing. */
    protected void prepare(Point point) {
    }

    /** Sends the batch; called once per {@link #write()}, with every point added. */
    protected abstract void send() throws PointWriteException;
}
