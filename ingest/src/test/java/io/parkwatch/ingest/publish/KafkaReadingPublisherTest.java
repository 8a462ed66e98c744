package io.parkwatch.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.topics.Topics;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class KafkaReadingPublisherTest {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    private final MockProducer<String, Reading> producer = new MockProducer<>(false, null,
        Topics.READINGS.keySerde().serializer(), Topics.READINGS.valueSerde().serializer());
    private final KafkaReadingPublisher publisher = new KafkaReadingPublisher(producer, Topics.READINGS.name());

    @Test
    void completesOnlyOnceKafkaAcknowledgedEveryRecordOfTheBatch() {
        CompletableFuture<Void> done = publisher.publish(List.of(reading("p1", "a"), reading("p1", "b"),
            reading("p2", "c")));

        assertThat(producer.history()).extracting(ProducerRecord::key)
            .containsExactly("park/e001/p1", "park/e001/p1", "park/e001/p2");
        producer.completeNext();
        producer.completeNext();
        assertThat(done).isNotDone();
        producer.completeNext();
        assertThat(done).isCompleted();
    }

    @Test
    void failsWhenOneRecordFailedButOnlyAfterEveryRecordCompleted() {
        CompletableFuture<Void> done = publisher.publish(List.of(reading("p1", "a"), reading("p1", "b")));

        producer.errorNext(new TimeoutException("broker gone"));
        assertThat(done).isNotDone();
        producer.completeNext();
        assertThat(done).isCompletedExceptionally();
    }

    @Test
    void anEmptyBatchIsDoneAtOnce() {
        assertThat(publisher.publish(List.of())).isCompleted();
    }

    @Test
    void theGatewaysProducerIsDurable() {
        assertThat(KafkaReadingPublisher.producerSettings("localhost:9092", "c"))
            .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
            .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    private static Reading reading(String point, String id) {
        return Reading.builder().messageId(id).park("park").enterprise("e001").point(point).domain(Domain.ENERGY)
            .metric("active_power").value(1.0).unit("kW").observedAt(NOW).receivedAt(NOW).quality(Quality.N)
            .sourceFormat(SourceFormat.JSON).build();
    }
}
