package io.parkwatch.ingest.directory;

import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryRecord;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.transport.kafka.KafkaConnection;
import io.parkwatch.transport.kafka.TopicFollower;
import io.parkwatch.transport.kafka.UnreadableRecords;
import io.parkwatch.transport.retry.Backoff;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The gateway's directory, read from the compacted registry topic: from the beginning at start,
 * then every change as it comes (an added point is accepted from then on, a removed one
 * refused). Its own thread owns the consumer; no consumer group, no committed offsets: each
 * gateway reads the whole topic. A registry record it cannot read goes to the rejected topic and
 * is skipped; if the reader fails otherwise it is restarted with back-off, the view kept meanwhile.
 */
public final class KafkaPointDirectory implements PointDirectory, AutoCloseable {

    private final RegistryView view = new RegistryView();
    private final Deserializer<RegistryRecord> records = Topics.REGISTRY.valueSerde().deserializer();
    private final TopicFollower follower;

    private KafkaPointDirectory(KafkaConnection kafka, String clientId, UnreadableRecords unreadable) {
        this.follower = new TopicFollower("registry-directory", kafka, clientId,
            List.of(Topics.REGISTRY.name()), TopicFollower.BEGINNING, this::apply, unreadable, Backoff.DEFAULT);
    }

    /**
     * Starts reading the registry topic; {@link #awaitCaughtUp} tells when the start-up state is in.
     *
     * @param unreadable where registry records that cannot be read go; owned: closed with the directory
     */
    public static KafkaPointDirectory start(String bootstrapServers, String clientId, UnreadableRecords unreadable) {
        return start(KafkaConnection.to(bootstrapServers), clientId, unreadable);
    }

    /** {@link #start(String, String, UnreadableRecords)} on a connection with the operator's client properties. */
    public static KafkaPointDirectory start(KafkaConnection kafka, String clientId, UnreadableRecords unreadable) {
        KafkaPointDirectory directory = new KafkaPointDirectory(kafka, clientId, unreadable);
        directory.follower.start();
        return directory;
    }

    /** Whether every record present at start has been applied within {@code timeout}. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return follower.awaitCaughtUp(timeout);
    }

    /** Whether the directory is reading the topic (false while it waits to restart after a failure); cheap. */
    public boolean alive() {
        return follower.alive();
    }

    /** How many parks, enterprises and points the view holds. */
    public int size() {
        return view.size();
    }

    /** Applies one record; one that cannot be read throws, and is then rejected and skipped. */
    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            throw new IllegalArgumentException("a registry record needs a key (park:, enterprise: or point:)");
        }
        view.apply(record.key(), records.deserialize(record.topic(), record.value()));
    }

    @Override
    public boolean knowsPark(String park) {
        return view.knowsPark(park);
    }

    @Override
    public boolean knowsEnterprise(String park, String enterprise) {
        return view.knowsEnterprise(park, enterprise);
    }

    @Override
    public Optional<PointEntry> point(String park, String enterprise, String point) {
        return view.point(park, enterprise, point);
    }

    @Override
    public Optional<PointEntry> pointByMn(String park, String mn) {
        return view.pointByMn(park, mn);
    }

    @Override
    public List<PointEntry> pointsByMn(String mn) {
        return view.pointsByMn(mn);
    }

    @Override
    public Optional<PointEntry> vehicle(String park, String vehicle) {
        return view.vehicle(park, vehicle);
    }

    @Override
    public Optional<PointEntry> vehicleByTerminal(String terminal) {
        return view.vehicleByTerminal(terminal);
    }

    @Override
    public void close() {
        follower.close();
    }
}
