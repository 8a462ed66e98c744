package io.parkwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReadingsFromNowTest {

    private static final TopicPartition PARTITION = new TopicPartition(Topics.READINGS.name(), 0);

    @Test
    void readingsAfterAnUnreadableRecordAreStillHandedOverAndTheRecordIsCounted() {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(PARTITION));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        BenchLoad load = new BenchLoad(1);
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        consumer.addRecord(record(0, bytes(load.readings(0, "run", 0, at, at).get(0))));
        consumer.addRecord(record(1, "\u00ffgarbage{".getBytes(StandardCharsets.ISO_8859_1)));
        consumer.addRecord(record(2, null));
        consumer.addRecord(record(3, bytes(load.readings(0, "run", 1, at, at).get(0))));
        List<String> ids = new ArrayList<>();

        try (ReadingsFromNow readings = new ReadingsFromNow(consumer)) {
            readings.poll(Duration.ZERO, reading -> ids.add(reading.messageId()));

            assertThat(ids).containsExactly("run-0", "run-1");
            assertThat(readings.unreadable()).isEqualTo(2);
        }
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, byte[] value) {
        return new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, null, value);
    }

    private static byte[] bytes(Reading reading) {
        return Topics.READINGS.valueSerde().serializer().serialize(Topics.READINGS.name(), reading);
    }
}
