package io.parkwatch.ingest.gateway;

import io.parkwatch.contracts.rejection.RejectionPublisher;
import io.parkwatch.ingest.directory.PointDirectory;
import io.parkwatch.ingest.feedback.FeedbackPublisher;
import io.parkwatch.ingest.feedback.FeedbackTopics;
import io.parkwatch.ingest.format.Outcome;
import io.parkwatch.ingest.format.PayloadFormat;
import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.format.SessionAnswer;
import io.parkwatch.ingest.format.TopicAddress;
import io.parkwatch.ingest.publish.ReadingPublisher;
import io.parkwatch.ingest.topic.TopicParser;
import io.parkwatch.transport.health.FailureStreak;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * The per-message path of MQTT: parse topic → authorise → (hold parts until whole) → decode →
 * validate → publish → answer on the sender's feedback topic (the steps after the topic are
 * {@link ChainSteps}, shared with device sessions). The returned future completes once the message
 * may be acknowledged to the broker: its readings or its rejection are in Kafka. A part of a split
 * payload is acknowledged with its whole, or refused alone when the whole does not arrive in time.
 * A failed Kafka send is retried with back-off, never turned into a rejection; the future then
 * completes exceptionally only when the gateway is stopping.
 */
public final class MessageGateway {

    private final TopicParser topics = new TopicParser();
    private final ChainSteps steps;
    private final FeedbackPublisher feedback;

    public MessageGateway(PointDirectory directory, Map<PayloadKind, PayloadFormat> formats, ReadingPublisher readings,
                          RejectionPublisher rejections, FeedbackPublisher feedback, GatewayMetrics metrics,
                          GatewaySettings settings, Clock clock, ScheduledExecutorService scheduler,
                          BooleanSupplier running) {
        this.steps = new ChainSteps(directory, formats, readings, rejections, metrics, settings, clock, scheduler,
            running);
        this.feedback = feedback;
    }

    public CompletableFuture<Outcome> handle(String mqttTopic, byte[] payload) {
        Instant receivedAt = steps.received();
        TopicAddress address = null;
        CompletableFuture<SessionAnswer> answer;
        try {
            steps.checkSize(payload);
            address = topics.parse(mqttTopic);
            if (address.kind() == PayloadKind.FEEDBACK) {
                steps.ignored();
                return CompletableFuture.completedFuture(Outcome.IGNORED);
            }
            PayloadFormat format = steps.authorise(address);
            answer = steps.take(mqttTopic, format, address, payload, receivedAt);
        } catch (RejectedInputException rejected) {
            answer = steps.reject(mqttTopic, address, payload, rejected, receivedAt);
        }
        TopicAddress sender = address;
        return answer.thenApply(done -> {
            done.reply().ifPresent(reply -> feedback.publish(FeedbackTopics.of(sender), reply));
            return done.outcome();
        });
    }

    /**
     * Refuses the held parts whose whole did not arrive in time, which acknowledges them. Runs
     * every second on the scheduler; public so that tests can drive it with their own clock.
     */
    public void expireHeldParts() {
        steps.expireHeldParts();
    }

    /** Whether Kafka sends (readings and rejections) are failing, and since when. */
    public FailureStreak kafkaSends() {
        return steps.kafkaSends();
    }
}
