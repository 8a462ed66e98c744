package io.parkwatch.ingest.gateway;

import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.rejection.RejectionPublisher;
import io.parkwatch.ingest.directory.PointDirectory;
import io.parkwatch.ingest.json.JsonPointPayloadDecoder;
import io.parkwatch.ingest.publish.ReadingPublisher;
import io.parkwatch.ingest.topic.PayloadKind;
import io.parkwatch.ingest.topic.TopicAddress;
import io.parkwatch.ingest.topic.TopicParser;
import io.parkwatch.ingest.validate.ObservationValidator;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * The per-message path: parse topic → authorise → decode → validate → publish. The returned
 * future completes once the message may be acknowledged to the broker: its readings or its
 * rejection are in Kafka. A failed Kafka send is retried with back-off, never turned into a
 * rejection; the future then completes exceptionally only when the gateway is stopping.
 */
public final class MessageGateway {

    private final TopicParser topics = new TopicParser();
    private final JsonPointPayloadDecoder jsonDecoder = new JsonPointPayloadDecoder();
    private final PointDirectory directory;
    private final ObservationValidator validator;
    private final ReadingPublisher readings;
    private final RejectionPublisher rejections;
    private final GatewayMetrics metrics;
    private final GatewaySettings settings;
    private final Clock clock;
    private final DependencyRetry retry;

    public MessageGateway(PointDirectory directory, ReadingPublisher readings, RejectionPublisher rejections,
                          GatewayMetrics metrics, GatewaySettings settings, Clock clock,
                          ScheduledExecutorService scheduler, BooleanSupplier running) {
        this.directory = directory;
        this.readings = readings;
        this.rejections = rejections;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
        this.validator = new ObservationValidator(clock, settings.maxClockSkew(), settings.horizon());
        this.retry = new DependencyRetry(settings.kafkaBackoff(), scheduler, running);
    }

    public CompletableFuture<Outcome> handle(String mqttTopic, byte[] payload) {
        Instant receivedAt = clock.instant();
        metrics.received();
        TopicAddress address = null;
        try {
            checkSize(payload);
            address = topics.parse(mqttTopic);
            if (address.kind() == PayloadKind.FEEDBACK) {
                metrics.ignored();
                return CompletableFuture.completedFuture(Outcome.IGNORED);
            }
            PointEntry point = authorise(address);
            List<Observation> observations = decode(address, point, payload);
            validator.validate(observations);
            return publish(toReadings(point, observations, receivedAt));
        } catch (RejectedInputException rejected) {
            return reject(mqttTopic, address, payload, rejected, receivedAt);
        }
    }

    private void checkSize(byte[] payload) throws RejectedInputException {
        if (payload.length > settings.maxPayloadBytes()) {
            throw new RejectedInputException(RejectReason.PAYLOAD_TOO_LARGE,
                payload.length + " bytes exceed the cap of " + settings.maxPayloadBytes());
        }
    }

    /** The broker already bound the credentials to the topic; this re-checks the topic against the registry. */
    private PointEntry authorise(TopicAddress address) throws RejectedInputException {
        if (address.kind() != PayloadKind.JSON) {
            throw new RejectedInputException(RejectReason.UNKNOWN_TOPIC,
                address.kind() + " payloads are not accepted by this gateway version");
        }
        if (!directory.knowsPark(address.park())) {
            throw new RejectedInputException(RejectReason.UNKNOWN_PARK, "park '" + address.park() + "' is not registered");
        }
        if (!directory.knowsEnterprise(address.park(), address.enterprise())) {
            throw new RejectedInputException(RejectReason.UNKNOWN_ENTERPRISE,
                "enterprise '" + address.enterprise() + "' is not registered in park '" + address.park() + "'");
        }
        return directory.point(address.park(), address.enterprise(), address.point())
            .orElseThrow(() -> new RejectedInputException(RejectReason.UNKNOWN_POINT, "point '" + address.point()
                + "' is not registered for enterprise '" + address.enterprise() + "'"));
    }

    private List<Observation> decode(TopicAddress address, PointEntry point, byte[] payload)
            throws RejectedInputException {
        return jsonDecoder.decode(point.pointKey(), utf8(payload));
    }

    private static String utf8(byte[] payload) throws RejectedInputException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new RejectedInputException(RejectReason.NOT_UTF8, "payload is not valid UTF-8: " + e.getMessage());
        }
    }

    private static List<Reading> toReadings(PointEntry point, List<Observation> observations, Instant receivedAt) {
        Domain domain = Domains.of(point.module());
        return observations.stream()
            .map(o -> new Reading(o.messageId(), point.park(), point.enterprise(), point.id(), domain, o.metric(),
                o.value(), o.position(), o.unit(), o.observedAt(), receivedAt, o.quality(), SourceFormat.JSON))
            .toList();
    }

    private CompletableFuture<Outcome> publish(List<Reading> batch) {
        long started = System.nanoTime();
        return retry.run("publishing " + batch.size() + " readings", () -> readings.publish(batch))
            .thenApply(done -> {
                metrics.published(batch.size(), System.nanoTime() - started);
                return Outcome.PUBLISHED;
            });
    }

    private CompletableFuture<Outcome> reject(String mqttTopic, TopicAddress address, byte[] payload,
                                              RejectedInputException rejected, Instant receivedAt) {
        Rejection rejection = new Rejection(mqttTopic, address == null ? null : address.park(),
            address == null ? null : address.enterprise(), address == null ? null : format(address.kind()),
            rejected.reason(), rejected.detail(), payload, receivedAt);
        return retry.run("publishing a rejection", () -> rejections.publish(rejection))
            .thenApply(done -> {
                metrics.rejected(rejected.reason());
                return Outcome.REJECTED;
            });
    }

    private static SourceFormat format(PayloadKind kind) {
        return switch (kind) {
            case JSON -> SourceFormat.JSON;
            case HJ212 -> SourceFormat.HJ212;
            case JT808 -> SourceFormat.JT808;
            case FEEDBACK -> null;
        };
    }
}
