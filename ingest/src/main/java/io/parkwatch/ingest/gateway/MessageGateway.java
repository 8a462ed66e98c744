package io.parkwatch.ingest.gateway;

import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.rejection.RejectionPublisher;
import io.parkwatch.ingest.directory.PointDirectory;
import io.parkwatch.ingest.feedback.FeedbackPublisher;
import io.parkwatch.ingest.feedback.FeedbackTopics;
import io.parkwatch.ingest.publish.ReadingPublisher;
import io.parkwatch.ingest.topic.PayloadKind;
import io.parkwatch.ingest.topic.TopicAddress;
import io.parkwatch.ingest.topic.TopicParser;
import io.parkwatch.ingest.validate.ObservationValidator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * The per-message path: parse topic → authorise → decode → validate → publish → answer. The
 * returned future completes once the message may be acknowledged to the broker: its readings or
 * its rejection are in Kafka. A failed Kafka send is retried with back-off, never turned into a
 * rejection; the future then completes exceptionally only when the gateway is stopping.
 */
public final class MessageGateway {

    private final TopicParser topics = new TopicParser();
    private final PointDirectory directory;
    private final Map<PayloadKind, PayloadFormat> formats;
    private final ObservationValidator validator;
    private final ReadingPublisher readings;
    private final RejectionPublisher rejections;
    private final FeedbackPublisher feedback;
    private final GatewayMetrics metrics;
    private final GatewaySettings settings;
    private final Clock clock;
    private final DependencyRetry retry;

    public MessageGateway(PointDirectory directory, Map<PayloadKind, PayloadFormat> formats, ReadingPublisher readings,
                          RejectionPublisher rejections, FeedbackPublisher feedback, GatewayMetrics metrics,
                          GatewaySettings settings, Clock clock, ScheduledExecutorService scheduler,
                          BooleanSupplier running) {
        this.directory = directory;
        this.formats = Map.copyOf(formats);
        this.readings = readings;
        this.rejections = rejections;
        this.feedback = feedback;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
        this.validator = new ObservationValidator(clock, settings.maxClockSkew(), settings.horizon(), settings.units());
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
            PayloadFormat format = authorise(address);
            DecodedPayload decoded = format.decode(address, payload);
            validator.validate(decoded.observations());
            TopicAddress sender = address;
            return publish(toReadings(decoded, format.sourceFormat(), receivedAt)).thenApply(outcome -> {
                decoded.acceptedReply().ifPresent(reply -> feedback.publish(FeedbackTopics.of(sender), reply));
                return outcome;
            });
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

    /**
     * The broker already bound the credentials to the topic; this re-checks the topic's park and
     * enterprise against the registry. The format then checks the point the payload names.
     */
    private PayloadFormat authorise(TopicAddress address) throws RejectedInputException {
        PayloadFormat format = formats.get(address.kind());
        if (format == null) {
            throw new RejectedInputException(RejectReason.UNKNOWN_TOPIC,
                address.kind() + " payloads are not accepted by this gateway");
        }
        if (!directory.knowsPark(address.park())) {
            throw new RejectedInputException(RejectReason.UNKNOWN_PARK, "park '" + address.park() + "' is not registered");
        }
        if (address.enterprise() != null && !directory.knowsEnterprise(address.park(), address.enterprise())) {
            throw new RejectedInputException(RejectReason.UNKNOWN_ENTERPRISE,
                "enterprise '" + address.enterprise() + "' is not registered in park '" + address.park() + "'");
        }
        return format;
    }

    private static List<Reading> toReadings(DecodedPayload decoded, SourceFormat format, Instant receivedAt) {
        PointEntry point = decoded.point();
        return decoded.observations().stream()
            .map(o -> new Reading(o.messageId(), point.park(), point.enterprise(), point.id(),
                Domains.of(point.module()), o.metric(), o.value(), o.position(), o.unit(), o.observedAt(), receivedAt,
                o.quality(), format))
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
        PayloadFormat format = address == null ? null : formats.get(address.kind());
        Rejection rejection = new Rejection(mqttTopic, address == null ? null : address.park(),
            address == null ? null : address.enterprise(), format == null ? null : format.sourceFormat(),
            rejected.reason(), rejected.detail(), payload, receivedAt);
        return retry.run("publishing a rejection", () -> rejections.publish(rejection))
            .thenApply(done -> {
                metrics.rejected(rejected.reason());
                if (format != null) {
                    feedback.publish(FeedbackTopics.of(address), format.rejectionReply(address, payload, rejected));
                }
                return Outcome.REJECTED;
            });
    }
}
