package io.parkwatch.bench;

import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** A consumer of {@code parkwatch.readings.v1} at its end now: a tally sees only what a run sends after it. */
public final class ReadingsFromNow {

    private ReadingsFromNow() {
    }

    public static KafkaConsumer<String, Reading> open(String kafka) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        KafkaConsumer<String, Reading> consumer = new KafkaConsumer<>(props, Topics.READINGS.keySerde().deserializer(),
            Topics.READINGS.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.READINGS.name(), Duration.ofSeconds(30))
            .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }
}
