package io.parkwatch.bench;

import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A reader of {@code parkwatch.readings.v1} from its end now: a tally sees only what a run sends
 * after it. A record it cannot read as a {@code Reading} is counted and skipped: a consumer that
 * deserialized in {@code poll} stopped at the first such record, and a tally built on it froze
 * at its count while the readings went on arriving, which looked like a stalled gateway.
 */
public final class ReadingsFromNow implements AutoCloseable {

    private final Consumer<byte[], byte[]> consumer;
    private final Deserializer<Reading> readings = Topics.READINGS.valueSerde().deserializer();
    private final AtomicLong unreadable = new AtomicLong();

    /** Over an assigned consumer, positioned where reading should start. */
    ReadingsFromNow(Consumer<byte[], byte[]> consumer) {
        this.consumer = consumer;
    }

    public static ReadingsFromNow open(String kafka) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.READINGS.name(), Duration.ofSeconds(30))
            .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return new ReadingsFromNow(consumer);
    }

    /** Polls once and hands over each reading; a record that is no reading is counted instead. */
    public void poll(Duration timeout, java.util.function.Consumer<Reading> each) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
            Reading reading = read(record);
            if (reading != null) {
                each.accept(reading);
            }
        }
    }

    /** Records skipped because they are no reading. */
    public long unreadable() {
        return unreadable.get();
    }

    private Reading read(ConsumerRecord<byte[], byte[]> record) {
        try {
            Reading reading = record.value() == null ? null : readings.deserialize(record.topic(), record.value());
            if (reading != null) {
                return reading;
            }
        } catch (RuntimeException e) {
            // Whatever the reader throws on bad bytes: counted below, never the tally's end.
        }
        if (unreadable.getAndIncrement() == 0) {
            System.err.printf("readings tally: skipping unreadable record %s-%d@%d (later ones only counted)%n",
                record.topic(), record.partition(), record.offset());
        }
        return null;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
