package io.parkwatch.bench.stages;

import io.parkwatch.console.emissions.Pollutant;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The sink benchmark's readings: flue-gas values (SO2, NOx, particulate, by their HJ 212 codes,
 * so that the emissions export returns them) of {@code points} stacks, one reading per stack
 * every {@link #STEP}, ending an hour before {@code end}.
 */
record SinkLoad(List<Reading> readings, Instant from, Instant to) {

    static final Duration STEP = Duration.ofSeconds(10);
    private static final String PARK = "benchpark";

    static SinkLoad of(int count, int points, Instant end) {
        List<String> metrics = List.of(Pollutant.SO2.code(), Pollutant.NOX.code(), Pollutant.PARTICULATE.code());
        int steps = (count + points - 1) / points;
        Instant from = end.minus(Duration.ofHours(1)).minus(STEP.multipliedBy(steps));
        List<Reading> readings = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            int point = n % points;
            Instant at = from.plus(STEP.multipliedBy(n / points));
            readings.add(Reading.builder().messageId("s" + n).park(PARK)
                .enterprise(String.format("e%04d", point / 10)).point("stack" + point % 10).domain(Domain.EMISSIONS)
                .metric(metrics.get(point % metrics.size())).value(10.0 + n % 50).unit("mg/m3").observedAt(at)
                .receivedAt(at).quality(Quality.N).sourceFormat(SourceFormat.JSON).build());
        }
        return new SinkLoad(List.copyOf(readings), from, end.minus(Duration.ofMinutes(30)));
    }

    void produce(String bootstrap) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
            // Fresh topics: an idempotent producer's first batches can meet NOT_LEADER and then
            // loop on OUT_OF_ORDER_SEQUENCE_NUMBER; order does not matter to this load.
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.ACKS_CONFIG, "all",
            // As the gateway sends readings (DurableProducerSettings): the sink reads lz4 batches.
            ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
            new ByteArraySerializer())) {
            send(producer);
        }
    }

    /** Sends every reading to the readings topic and waits until they are written. */
    void send(KafkaProducer<byte[], byte[]> producer) {
        String topic = Topics.READINGS.name();
        for (Reading reading : readings) {
            producer.send(new ProducerRecord<>(topic,
                Topics.READINGS.keySerde().serializer().serialize(topic, reading.pointKey()),
                Topics.READINGS.valueSerde().serializer().serialize(topic, reading)));
        }
        producer.flush();
    }
}
