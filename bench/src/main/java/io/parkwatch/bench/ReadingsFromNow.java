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

/**
 * A reader of {@code parkwatch.readings.v1} from its end now: a tally sees only what a run sends
 * after it. A record it cannot read as a {@code Reading} is counted and skipped: a consumer that
 * deserialized in {@code poll} stopped at the first such record, and a tally built on it froze
 * at its count while the readings went on arriving, which looked like a stalled gateway.
 */
public final class ReadingsFromNow implements AutoCloseable {

    private final Consumer<byte[], byte[]> consumer;
    private final SkippingDeserializer<Reading> readings = new SkippingDeserializer<>("readings tally",
        Topics.READINGS.valueSerde().deserializer());
    /** Records without a value: no reading either. */
    private final AtomicLong empty = new AtomicLong();

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
            Reading reading = readings.deserialize(record.topic(), record.value());
            if (reading != null) {
                each.accept(reading);
            } else if (record.value() == null) {
                empty.incrementAndGet();
            }
        }
    }

    /** Records skipped because they are no reading. */
    public long unreadable() {
        return readings.skipped() + empty.get();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
