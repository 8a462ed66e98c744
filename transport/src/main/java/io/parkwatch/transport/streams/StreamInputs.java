package io.parkwatch.transport.streams;

import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.topics.TopicSpec;
import io.parkwatch.contracts.topics.Topics;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The inputs the processors share, declared once on a builder: a Kafka Streams topology may read
 * a topic through one source only, and reading the readings once for windows, coverage and alerts
 * deserialises each reading once instead of three times.
 *
 * @param builder   the topology being built
 * @param readings  {@code parkwatch.readings.v1}, keyed by point
 * @param commands  {@code parkwatch.alert-commands.v1}, keyed by alert id
 */
public record StreamInputs(StreamsBuilder builder, KStream<String, Reading> readings,
                           KStream<String, AlertCommand> commands) {

    /**
     * The global store of the registry topic's raw values, keyed as the topic is. Raw bytes make
     * the store identical whether the updater fills it or Kafka Streams restores it straight from
     * the topic; each reader decodes what it needs, and a value it cannot read counts as absent.
     */
    public static final String REGISTRY_STORE = "registry";

    public StreamInputs {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(readings, "readings");
        Objects.requireNonNull(commands, "commands");
    }

    /** Declares the readings, the commands and the registry's global store on {@code builder}. */
    public static StreamInputs on(StreamsBuilder builder) {
        builder.addGlobalStore(
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(REGISTRY_STORE), Serdes.String(),
                Serdes.ByteArray()).withLoggingDisabled(),
            Topics.REGISTRY.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()), RegistryUpdater::new);
        TopicSpec<String, Reading> readings = Topics.READINGS;
        TopicSpec<String, AlertCommand> commands = Topics.ALERT_COMMANDS;
        return new StreamInputs(builder,
            builder.stream(readings.name(), Consumed.with(readings.keySerde(), readings.valueSerde())),
            builder.stream(commands.name(), Consumed.with(commands.keySerde(), commands.valueSerde())));
    }

    /** Keeps the global registry store equal to the compacted topic: a tombstone removes the entry. */
    private static final class RegistryUpdater implements Processor<String, byte[], Void, Void> {

        private KeyValueStore<String, byte[]> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(REGISTRY_STORE);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
    }
}
