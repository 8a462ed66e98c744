package io.parkwatch.ingest.gateway;

import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.rejection.RejectionPublisher;
import io.parkwatch.ingest.directory.PointDirectory;
import io.parkwatch.ingest.format.DecodedPayload;
import io.parkwatch.ingest.format.HeldPart;
import io.parkwatch.ingest.format.Observation;
import io.parkwatch.ingest.format.Outcome;
import io.parkwatch.ingest.format.PartAssembler;
import io.parkwatch.ingest.format.PayloadFormat;
import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.format.SessionAnswer;
import io.parkwatch.ingest.format.TopicAddress;
import io.parkwatch.ingest.publish.ReadingPublisher;
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
 * The steps of the per-message chain once the sender's address is known — authorise → (hold
 * parts until whole) → decode → validate → publish, or reject — shared by MQTT messages
 * ({@link MessageGateway}) and device sessions ({@link SessionChain}). Each ends in the answer
 * the format words for the sender; the caller decides how it travels (an MQTT feedback topic,
 * the device's connection).
 */
final class ChainSteps {

    private static final Logger LOG = LoggerFactory.getLogger(ChainSteps.class);
    /** Logged only when a send fails; a constant, so that the hot path builds no string for it. */
    private static final String PUBLISHING_READINGS = "publishing a message's readings";

    private final PointDirectory directory;
    private final Map<PayloadKind, PayloadFormat> formats;
    private final ObservationValidator validator;
    private final ReadingPublisher readings;
    private final RejectionPublisher rejections;
    private final GatewayMetrics metrics;
    private final GatewaySettings settings;
    private final Clock clock;
    private final DependencyRetry retry;
    private final FailureStreak kafkaSends;

    ChainSteps(PointDirectory directory, Map<PayloadKind, PayloadFormat> formats, ReadingPublisher readings,
               RejectionPublisher rejections, GatewayMetrics metrics, GatewaySettings settings, Clock clock,
               ScheduledExecutorService scheduler, BooleanSupplier running) {
        this.directory = directory;
        this.formats = Map.copyOf(formats);
        this.readings = readings;
        this.rejections = rejections;
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
    FailureStreak kafkaSends() {
        return kafkaSends;
    }

    /** Counts a payload in and stamps its receive time. */
    Instant received() {
        metrics.received();
        return clock.instant();
    }

    void ignored() {
        metrics.ignored();
    }

    void checkSize(byte[] payload) throws RejectedInputException {
        if (payload.length > settings.maxPayloadBytes()) {
            throw new RejectedInputException(RejectReason.PAYLOAD_TOO_LARGE,
                payload.length + " bytes exceed the cap of " + settings.maxPayloadBytes());
        }
    }

    /**
     * Checks the address's park and enterprise against the registry (over MQTT the broker already
     * bound the credentials to the topic). The format then checks the point the payload names.
     */
    PayloadFormat authorise(TopicAddress address) throws RejectedInputException {
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

    /** An authorised payload: held when it is a part of a split payload, else decoded and published. */
    CompletableFuture<SessionAnswer> take(String source, PayloadFormat format, TopicAddress address, byte[] payload,
                                          Instant receivedAt) throws RejectedInputException {
        Optional<PartAssembler> parts = format.parts().filter(assembler -> assembler.isPart(payload));
        if (parts.isPresent()) {
            return assemble(parts.get(), format, new HeldPart(source, address, payload, receivedAt));
        }
        return decodeAndPublish(format, address, payload, receivedAt);
    }

    /**
     * A part is held unanswered. The part that completes its whole gets the whole's answer; the
     * other parts complete with the same outcome and no answer of their own, so the sender gets
     * one answer per packet.
     */
    private CompletableFuture<SessionAnswer> assemble(PartAssembler assembler, PayloadFormat format, HeldPart part)
            throws RejectedInputException {
        Optional<PartAssembler.Whole> whole = assembler.add(part);
        if (whole.isEmpty()) {
            return part.done();
        }
        byte[] payload = whole.get().payload();
        CompletableFuture<SessionAnswer> answer;
        try {
            answer = decodeAndPublish(format, part.address(), payload, part.receivedAt());
        } catch (RejectedInputException rejected) {
            answer = reject(part.source(), part.address(), payload, rejected, part.receivedAt());
        }
        List<HeldPart> others = whole.get().parts().stream().filter(held -> held != part).toList();
        answer.whenComplete((result, error) -> others.forEach(held -> {
            if (error == null) {
                held.done().complete(new SessionAnswer(result.outcome(), Optional.empty()));
            } else {
                held.done().completeExceptionally(error);
            }
        }));
        return answer;
    }

    /** Refuses the held parts whose whole did not arrive in time, each with its own bytes and answer. */
    void expireHeldParts() {
        Instant now = clock.instant();
        for (PayloadFormat format : formats.values()) {
            format.parts().ifPresent(assembler -> assembler.expire(now).forEach(refused -> {
                HeldPart part = refused.part();
                reject(part.source(), part.address(), part.payload(), refused.why(), part.receivedAt())
                    .whenComplete((result, error) -> {
                        if (error == null) {
                            part.done().complete(result);
                        } else {
                            part.done().completeExceptionally(error);
                        }
                    });
            }));
        }
    }

    private void expireHeldPartsSafely() {
        try {
            expireHeldParts();
        } catch (RuntimeException e) {
            // A failure must not cancel the periodic task: the next run retries.
            LOG.error("expiring held parts failed", e);
        }
    }

    private CompletableFuture<SessionAnswer> decodeAndPublish(PayloadFormat format, TopicAddress address,
                                                              byte[] payload, Instant receivedAt)
            throws RejectedInputException {
        DecodedPayload decoded = format.decode(address, payload);
        validator.validate(decoded.observations());
        List<Reading> batch = toReadings(decoded, format.sourceFormat(), receivedAt);
        long started = System.nanoTime();
        return retry.run(PUBLISHING_READINGS, () -> readings.publish(batch))
            .thenApply(done -> {
                metrics.published(batch.size(), System.nanoTime() - started);
                return new SessionAnswer(Outcome.PUBLISHED, decoded.acceptedReply());
            });
    }

    private static List<Reading> toReadings(DecodedPayload decoded, SourceFormat format, Instant receivedAt) {
        PointEntry point = decoded.point();
        Domain domain = point.module().domain();
        List<Observation> observations = decoded.observations();
        List<Reading> readings = new ArrayList<>(observations.size());
        for (Observation o : observations) {
            // The canonical constructor, not Reading.builder(): this runs once per reading the gateway takes in.
            readings.add(new Reading(o.messageId(), point.park(), point.enterprise(), point.id(), domain, o.metric(),
                o.value(), o.position(), o.unit(), o.observedAt(), receivedAt, o.quality(), format));
        }
        return readings;
    }

    /**
     * Puts the refusal in the rejected topic with the raw bytes; the answer is the format's refusal,
     * or none when no format can word one (an unknown topic, a kind this gateway does not read).
     */
    CompletableFuture<SessionAnswer> reject(String source, TopicAddress address, byte[] payload,
                                            RejectedInputException rejected, Instant receivedAt) {
        PayloadFormat format = address == null ? null : formats.get(address.kind());
        Rejection rejection = new Rejection(source, address == null ? null : address.park(),
            address == null ? null : address.enterprise(), format == null ? null : format.sourceFormat(),
            rejected.reason(), rejected.detail(), payload, receivedAt);
        return retry.run("publishing a rejection", () -> rejections.publish(rejection))
            .thenApply(done -> {
                metrics.rejected(rejected.reason());
                Optional<byte[]> reply = format == null ? Optional.empty()
                    : Optional.of(format.rejectionReply(address, payload, rejected));
                return new SessionAnswer(Outcome.REJECTED, reply);
            });
    }
}
