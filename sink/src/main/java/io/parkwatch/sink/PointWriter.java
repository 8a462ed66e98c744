package io.parkwatch.sink;

import com.influxdb.client.write.Point;
import java.util.List;

/**
 * Writes a batch of points to the time-series store; the sink commits its Kafka offsets only
 * after this returned normally.
 *
 * <p>Points with the same measurement, tag set and timestamp overwrite each other, so writing a
 * batch again after a failure is harmless: give every point an explicit timestamp. Each failure
 * says whether retrying can help ({@link PointWriteException#retryable()}). Implementations are
 * thread-safe.
 */
public interface PointWriter extends AutoCloseable {

    /**
     * Writes {@code points}; an empty list does nothing.
     *
     * @throws PointsRejectedException the server refused (some of) the points themselves; never retry
     * @throws InfluxUnavailableException the server or the network failed; retry later
     * @throws InfluxConfigurationException credentials, database or URL are wrong; retrying cannot help
     */
    void write(List<Point> points) throws PointWriteException;

    /**
     * A batch for this writer, to fill point by point and then write; by default one that
     * collects the points for {@link #write}. {@code expectedPoints} sizes its buffers.
     */
    default PointBatch newBatch(int expectedPoints) {
        return PointBatch.collecting(this, expectedPoints);
    }

    /** Releases connections; the default has nothing to release. */
    @Override
    default void close() {
    }
}
