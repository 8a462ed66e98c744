package io.parkwatch.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A bench reader's deserializer that turns a record it cannot read into {@code null}, counted,
 * instead of an exception: inside {@code KafkaConsumer.poll} that exception stops the consumer at
 * the record for good, and a tally polling on a thread of its own ends silently with it, its
 * counts frozen (a garbage record on a topic made a gateway look stalled). The first skip is
 * named on stderr; the rest are counted.
 */
public final class SkippingDeserializer<T> implements Deserializer<T> {

    private final String reader;
    private final Deserializer<T> delegate;
    private final AtomicLong skipped = new AtomicLong();

    /** @param reader named in the line about the first skip */
    public SkippingDeserializer(String reader, Deserializer<T> delegate) {
        this.reader = reader;
        this.delegate = delegate;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return delegate.deserialize(topic, data);
        } catch (RuntimeException e) {
            // Whatever the reader throws on bad bytes: counted, never the reader's end.
            if (skipped.getAndIncrement() == 0) {
                System.err.printf("%s: skipping a record of %s that is unreadable (later ones only counted): %s%n",
                    reader, topic, e.getMessage());
            }
            return null;
        }
    }

    /** Records that could not be read. */
    public long skipped() {
        return skipped.get();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
