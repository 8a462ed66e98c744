package io.parkwatch.ingest.gateway;

import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.rejection.RejectionPublisher;
import io.parkwatch.ingest.directory.PointDirectory;
import io.parkwatch.ingest.feedback.FeedbackPublisher;
import io.parkwatch.ingest.feedback.FeedbackTopics;
import io.parkwatch.ingest.format.DecodedPayload;
import io.parkwatch.ingest.format.HeldPart;
import io.parkwatch.ingest.format.Observation;
import io.parkwatch.ingest.format.Outcome;
import io.parkwatch.ingest.format.PartAssembler;
import io.parkwatch.ingest.format.PayloadFormat;
import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.publish.ReadingPublisher;
import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.format.TopicAddress;
import io.parkwatch.ingest.topic.TopicParser;
import io.parkwatch.ingest.validate.ObservationValidator;
import io.parkwatch.transport.health.FailureStreak;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-message path: parse topic → authorise → (hold parts until whole) → decode → validate →
 * publish → answer. The returned future completes once the message may be acknowledged to the
 * broker: its readings or its rejection are in Kafka. A part of a split payload is acknowledged
 * with its whole, or refused alone when the whole does not arrive in time. A failed Kafka send is retried with back-off, never turned into a
 * rejection; the future then completes exceptionally only when the gateway is stopping.
 */
public final class MessageGateway {

    private static final Logger LOG = LoggerFactory.getLogger(MessageGateway.class);
    /** Logged only when a send fails; a constant, so that the hot path builds no string for it. */
    private static final String PUBLISHING_READINGS = "publishing a message's readings";

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
    private final FailureStreak kafkaSends;

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
        this.kafkaSends = new FailureStreak(clock);
        this.retry = new DependencyRetry(settings.kafkaBackoff(), scheduler, running, kafkaSends);
        if (this.formats.values().stream().anyMatch(format -> format.parts().isPresent())) {
            scheduler.scheduleWithFixedDelay(this::expireHeldPartsSafely, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Whether Kafka sends (readings and rejections) are failing, and since when. */
    public FailureStreak kafkaSends() {
        return kafkaSends;
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
            Optional<PartAssembler> parts = format.parts().filter(assembler -> assembler.isPart(payload));
            if (parts.isPresent()) {
                return assemble(parts.get(), format, new HeldPart(mqttTopic, address, payload, receivedAt));
            }
            return decodeAndPublish(format, address, payload, receivedAt);
        } catch (RejectedInputException rejected) {
            return reject(mqttTopic, address, payload, rejected, receivedAt);
        }
    }

    /**
     * Refuses the held parts whose whole did not arrive in time, which acknowledges them. Runs
     * every second on the scheduler; public so that tests can drive it with their own clock.
     */
    public void expireHeldParts() {
        Instant now = clock.instant();
        for (PayloadFormat format : formats.values()) {
            format.parts().ifPresent(assembler -> assembler.expire(now).forEach(refused -> {
                HeldPart part = refused.part();
                completeWith(reject(part.mqttTopic(), part.address(), part.payload(), refused.why(), part.receivedAt()),
                    List.of(part));
            }));
        }
    }

    /** A part is held unanswered; the part that completes its whole answers for all of them. */
    private CompletableFuture<Outcome> assemble(PartAssembler assembler, PayloadFormat format, HeldPart part)
            throws RejectedInputException {
        Optional<PartAssembler.Whole> whole = assembler.add(part);
        if (whole.isPresent()) {
            byte[] payload = whole.get().payload();
            CompletableFuture<Outcome> outcome;
            try {
                outcome = decodeAndPublish(format, part.address(), payload, part.receivedAt());
            } catch (RejectedInputException rejected) {
                outcome = reject(part.mqttTopic(), part.address(), payload, rejected, part.receivedAt());
            }
            completeWith(outcome, whole.get().parts());
        }
        return part.done();
    }

    private static void completeWith(CompletableFuture<Outcome> outcome, List<HeldPart> parts) {
        outcome.whenComplete((result, error) -> parts.forEach(held -> {
            if (error == null) {
                held.done().complete(result);
            } else {
                held.done().completeExceptionally(error);
            }
        }));
    }

    private CompletableFuture<Outcome> decodeAndPublish(PayloadFormat format, TopicAddress address, byte[] payload,
                                                        Instant receivedAt) throws RejectedInputException {
        DecodedPayload decoded = format.decode(address, payload);
        validator.validate(decoded.observations());
        return publish(toReadings(decoded, format.sourceFormat(), receivedAt)).thenApply(outcome -> {
            decoded.acceptedReply().ifPresent(reply -> feedback.publish(FeedbackTopics.of(address), reply));
            return outcome;
        });
    }

    private void expireHeldPartsSafely() {
        try {
            expireHeldParts();
        } catch (RuntimeException e) {
            // A failure must not cancel the periodic task: the next run retries.
            LOG.error("expiring held parts failed", e);
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
        Domain domain = Domains.of(point.module());
        List<Observation> observations = decoded.observations();
        List<Reading> readings = new ArrayList<>(observations.size());
        for (Observation o : observations) {
            // The canonical constructor, not Reading.builder(): this runs once per reading the gateway takes in.
            readings.add(new Reading(o.messageId(), point.park(), point.enterprise(), point.id(), domain, o.metric(),
                o.value(), o.position(), o.unit(), o.observedAt(), receivedAt, o.quality(), format));
        }
        return readings;
    }

    private CompletableFuture<Outcome> publish(List<Reading> batch) {
        long started = System.nanoTime();
        return retry.run(PUBLISHING_READINGS, () -> readings.publish(batch))
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
