package io.parkwatch.ingest.gateway;

import io.parkwatch.contracts.rejection.RejectionPublisher;
import io.parkwatch.ingest.directory.PointDirectory;
import io.parkwatch.ingest.format.PayloadFormat;
import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.format.SessionAnswer;
import io.parkwatch.ingest.format.SessionGateway;
import io.parkwatch.ingest.format.SessionRefusals;
import io.parkwatch.ingest.format.TopicAddress;
import io.parkwatch.ingest.publish.ReadingPublisher;
import io.parkwatch.transport.health.FailureStreak;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * The per-message chain as device sessions over TCP use it: the session established who sends,
 * so there is no topic to parse; authorise → (hold parts until whole) → decode → validate →
 * publish or reject are {@link MessageGateway}'s own steps ({@link ChainSteps}), with the same
 * reasons, metrics and message ids. The answer is returned to the session instead of being
 * published on a feedback topic. Thread-safe: every session of every listener shares one.
 */
public final class SessionChain implements SessionGateway, SessionRefusals {

    private final ChainSteps steps;

    /**
     * @param formats the formats sessions speak; a format with {@link PayloadFormat#parts()} holds
     *                split payloads, which is safe on a session (no broker waits on it)
     */
    public SessionChain(PointDirectory directory, Map<PayloadKind, PayloadFormat> formats, ReadingPublisher readings,
                        RejectionPublisher rejections, GatewayMetrics metrics, GatewaySettings settings, Clock clock,
                        ScheduledExecutorService scheduler, BooleanSupplier running) {
        this.steps = new ChainSteps(directory, formats, readings, rejections, metrics, settings, clock, scheduler,
            running);
    }

    @Override
    public CompletableFuture<SessionAnswer> handle(TopicAddress address, byte[] payload) {
        Instant receivedAt = steps.received();
        String source = source(address);
        try {
            steps.checkSize(payload);
            PayloadFormat format = steps.authorise(address);
            return steps.take(source, format, address, payload, receivedAt);
        } catch (RejectedInputException rejected) {
            return steps.reject(source, address, payload, rejected, receivedAt);
        }
    }

    @Override
    public CompletableFuture<SessionAnswer> refuse(String source, TopicAddress address, byte[] payload,
                                                   RejectedInputException refused) {
        return steps.reject(source, address, payload, refused, steps.received());
    }

    /** Refuses held parts whose whole did not arrive in time; runs every second, public for tests' clocks. */
    public void expireHeldParts() {
        steps.expireHeldParts();
    }

    /** The rejected topic's source of a session payload: the MQTT topic the same sender would use, marked tcp. */
    static String source(TopicAddress address) {
        String sender = "parks/" + address.park() + '/';
        return "tcp:" + switch (address.kind()) {
            case HJ212 -> sender + "enterprises/" + address.enterprise() + "/hj212";
            case JT808 -> sender + "vehicles/" + address.point() + "/jt808";
            case JSON -> sender + "enterprises/" + address.enterprise() + "/points/" + address.point();
            case FEEDBACK -> sender + "feedback";
        };
    }

    /** Whether Kafka sends (readings and rejections) are failing, and since when. */
    public FailureStreak kafkaSends() {
        return steps.kafkaSends();
    }
}
