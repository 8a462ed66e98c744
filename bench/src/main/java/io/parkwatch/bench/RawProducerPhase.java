package io.parkwatch.bench;

import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.ingest.publish.KafkaReadingPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The baseline: the records the gateway would make of the load, sent by one Kafka producer with
 * the gateway's own producer configuration ({@link KafkaReadingPublisher#producerSettings}: acks=all,
 * idempotent, the same linger and compression), same key, same serialized value.
 */
final class RawProducerPhase {

    private final String kafka;
    private final BenchLoad load;
    private final CpuClock cpu;

    RawProducerPhase(String kafka, BenchLoad load, CpuClock cpu) {
        this.kafka = kafka;
        this.load = load;
        this.cpu = cpu;
    }

    PhaseResult run(long warmUp, long messages) {
        try (KafkaProducer<String, Reading> producer = new KafkaProducer<>(
                KafkaReadingPublisher.producerSettings(kafka, "parkwatch-bench-raw"), Topics.READINGS.keySerde().serializer(),
                Topics.READINGS.valueSerde().serializer())) {
            if (warmUp > 0) {
                send(producer, "warm-raw", warmUp);
            }
            long started = System.nanoTime();
            long cpuBefore = cpu.now();
            long acked = send(producer, "raw", messages);
            return new PhaseResult("raw producer", messages, acked, Duration.ofNanos(System.nanoTime() - started),
                load.readingsPerMessage(), cpu.now() - cpuBefore);
        }
    }

    /** Sends the run's records (each message's readings) and returns, after flushing, how many Kafka acknowledged. */
    private long send(KafkaProducer<String, Reading> producer, String run, long messages) {
        AtomicLong acked = new AtomicLong();
        int publishers = load.publishers();
        for (long n = 0; n < messages; n++) {
            Instant now = Instant.now();
            for (Reading reading : load.readings((int) (n % publishers), run, n, now, now)) {
                producer.send(new ProducerRecord<>(Topics.READINGS.name(), reading.pointKey(), reading),
                    (metadata, error) -> {
                        if (error == null) {
                            acked.incrementAndGet();
                        }
                    });
            }
        }
        producer.flush();
        return acked.get();
    }
}
