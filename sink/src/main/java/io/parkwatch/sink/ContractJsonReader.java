package io.parkwatch.sink;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.parkwatch.contracts.json.IsoInstantDeserializer;
import io.parkwatch.contracts.json.JsonSerde;
import io.parkwatch.contracts.topics.TopicSpec;
import java.io.IOException;
import java.time.Instant;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a topic's contract records for the sink: the contract's mapper with a faster reader of
 * ISO instants ({@link IsoInstantDeserializer}), through one reused {@link ObjectReader}. A
 * record this cannot read is read again by the topic's own serde, so a bad record is refused with
 * the very message (and exception) the rest of parkwatch gives it.
 */
final class ContractJsonReader<V> {

    private final TopicSpec<String, V> topic;
    private final ObjectReader reader;
    private final Deserializer<V> serde;

    ContractJsonReader(TopicSpec<String, V> topic) {
        this.topic = topic;
        this.serde = topic.valueSerde().deserializer();
        this.reader = serde instanceof JsonSerde<V> json
            ? JsonSerde.MAPPER.copy()
                .registerModule(new SimpleModule("sink-instants").addDeserializer(Instant.class,
                    new IsoInstantDeserializer()))
                .readerFor(json.type())
            : null;
    }

    V read(byte[] bytes) {
        if (reader != null) {
            try {
                return reader.readValue(bytes);
            } catch (IOException | RuntimeException e) {
                // The serde below fails the same record with the contract's own message.
            }
        }
        return serde.deserialize(topic.name(), bytes);
    }
}
