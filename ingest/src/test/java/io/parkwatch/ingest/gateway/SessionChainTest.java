package io.parkwatch.ingest.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.rejection.RejectionPublisher;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.format.Outcome;
import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.format.SessionAnswer;
import io.parkwatch.ingest.format.TopicAddress;
import io.parkwatch.ingest.json.JsonPointFormat;
import io.parkwatch.ingest.publish.ReadingPublisher;
import io.parkwatch.ingest.validate.UnitCatalog;
import io.parkwatch.transport.retry.Backoff;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The chain as a device session calls it: same steps, reasons, metrics and ids as MQTT; the answer comes back. */
class SessionChainTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final TopicAddress SENDER = new TopicAddress("xilinhot", "e001", "elec-01", PayloadKind.JSON);
    private static final String GOOD = "{\"metric\":\"active_power\",\"value\":412.5,\"unit\":\"kW\","
        + "\"ts\":\"2026-11-23T07:59:00Z\"}";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ControlledReadings readings = new ControlledReadings();
    private final List<Rejection> rejections = new CopyOnWriteArrayList<>();
    private final GatewayMetrics metrics = new GatewayMetrics(new SimpleMeterRegistry());
    private final List<String> feedback = new CopyOnWriteArrayList<>();
    private final RegistryView directory = RegistryView.of(List.of(new PointEntry("xilinhot", "e001",
        "elec-01", Module.ENERGY, "electricity-meter", Duration.ofMinutes(1), null, null)));
    private final GatewaySettings settings = new GatewaySettings(1024, Duration.ofMinutes(5), Duration.ofDays(7),
        UnitCatalog.defaults(), new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)));
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final RejectionPublisher rejectionSink = new RejectionPublisher() {
        @Override
        public CompletableFuture<Void> publish(Rejection rejection) {
            rejections.add(rejection);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            // nothing held
        }
    };
    private final SessionChain chain = new SessionChain(directory, Map.of(PayloadKind.JSON,
        new JsonPointFormat(directory)), readings, rejectionSink, metrics, settings, clock, scheduler, () -> true);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theAnswerComesOnlyOnceKafkaAcknowledgedTheReadings() throws Exception {
        readings.holdAcknowledgements = true;
        CompletableFuture<SessionAnswer> answer = chain.handle(SENDER, bytes(GOOD));

        assertThat(answer).as("Kafka has not acknowledged yet").isNotDone();
        readings.acknowledgeAll();

        assertThat(answer.get(5, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.PUBLISHED);
        assertThat(answer.get().reply()).as("JSON accepts silently").isEmpty();
        assertThat(readings.sent).singleElement().satisfies(r -> assertThat(r.pointKey())
            .isEqualTo("xilinhot/e001/elec-01"));
        assertThat(metrics.publishedCount()).isEqualTo(1.0);
    }

    @Test
    void readingsCarryTheMessageIdsTheMqttPathGivesThem() throws Exception {
        MessageGateway mqtt = new MessageGateway(directory, Map.of(PayloadKind.JSON, new JsonPointFormat(directory)),
            readings, rejectionSink, (topic, payload) -> feedback.add(topic), metrics, settings, clock, scheduler,
            () -> true);
        mqtt.handle("parks/xilinhot/enterprises/e001/points/elec-01", bytes(GOOD)).get(5, TimeUnit.SECONDS);
        chain.handle(SENDER, bytes(GOOD)).get(5, TimeUnit.SECONDS);

        assertThat(readings.sent).hasSize(2);
        assertThat(readings.sent.get(1).messageId()).isEqualTo(readings.sent.get(0).messageId());
        assertThat(readings.sent.get(1)).usingRecursiveComparison().isEqualTo(readings.sent.get(0));
    }

    @Test
    void aFailedKafkaSendIsRetriedNeverRefused() throws Exception {
        readings.failuresBeforeSuccess.set(3);
        SessionAnswer answer = chain.handle(SENDER, bytes(GOOD)).get(5, TimeUnit.SECONDS);

        assertThat(answer.outcome()).isEqualTo(Outcome.PUBLISHED);
        assertThat(readings.attempts.get()).isEqualTo(4);
        assertThat(rejections).isEmpty();
    }

    @Test
    void badInputIsRejectedWithItsRawBytesAndTheFormatsRefusalComesBackInsteadOfFeedback() throws Exception {
        String bad = "{\"metric\":\"kwh\",\"value\":\"lots\",\"unit\":\"kWh\",\"ts\":1}";
        SessionAnswer answer = chain.handle(SENDER, bytes(bad)).get(5, TimeUnit.SECONDS);

        assertThat(answer.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(new String(answer.reply().orElseThrow(), StandardCharsets.UTF_8))
            .startsWith("{\"status\":\"rejected\",\"reason\":\"NON_FINITE_VALUE\"");
        assertThat(rejections).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.NON_FINITE_VALUE);
            assertThat(r.source()).isEqualTo("tcp:parks/xilinhot/enterprises/e001/points/elec-01");
            assertThat(r.park()).isEqualTo("xilinhot");
            assertThat(r.enterprise()).isEqualTo("e001");
            assertThat(r.raw()).isEqualTo(bytes(bad));
        });
        assertThat(metrics.rejectedCount(RejectReason.NON_FINITE_VALUE)).isEqualTo(1.0);
        assertThat(feedback).isEmpty();
    }

    @Test
    void theRegistryStillAuthorisesTheSessionsAddressAndTheSizeCapStillHolds() throws Exception {
        chain.handle(new TopicAddress("nowhere", "e001", "elec-01", PayloadKind.JSON), bytes(GOOD)).get(5, TimeUnit.SECONDS);
        chain.handle(new TopicAddress("xilinhot", "e999", "elec-01", PayloadKind.JSON), bytes(GOOD)).get(5, TimeUnit.SECONDS);
        chain.handle(SENDER, bytes("x".repeat(2000))).get(5, TimeUnit.SECONDS);
        SessionAnswer unread = chain.handle(new TopicAddress("xilinhot", null, "v1", PayloadKind.JT808), bytes("x"))
            .get(5, TimeUnit.SECONDS);

        assertThat(rejections).extracting(Rejection::reason).containsExactly(RejectReason.UNKNOWN_PARK,
            RejectReason.UNKNOWN_ENTERPRISE, RejectReason.PAYLOAD_TOO_LARGE, RejectReason.UNKNOWN_TOPIC);
        assertThat(unread.reply()).as("no format to word a refusal").isEmpty();
        assertThat(readings.sent).isEmpty();
    }

    @Test
    void whatTheSessionRefusesItselfLandsInTheRejectedTopicAndIsCounted() throws Exception {
        SessionAnswer answer = chain.refuse("tcp:json from 203.0.113.7:40112",
            new TopicAddress("xilinhot", "e001", null, PayloadKind.JSON), bytes(GOOD),
            new RejectedInputException(RejectReason.IDENTITY_MISMATCH, "not this device")).get(5, TimeUnit.SECONDS);

        assertThat(answer.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(answer.reply()).isPresent();
        assertThat(rejections).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("tcp:json from 203.0.113.7:40112");
            assertThat(r.reason()).isEqualTo(RejectReason.IDENTITY_MISMATCH);
            assertThat(r.detail()).isEqualTo("not this device");
            assertThat(r.raw()).isEqualTo(bytes(GOOD));
        });
        assertThat(metrics.rejectedCount(RejectReason.IDENTITY_MISMATCH)).isEqualTo(1.0);
    }

    /** A publisher whose acknowledgements the test releases, or which fails a number of times first. */
    private static final class ControlledReadings implements ReadingPublisher {
        final List<Reading> sent = new CopyOnWriteArrayList<>();
        final AtomicInteger failuresBeforeSuccess = new AtomicInteger();
        final AtomicInteger attempts = new AtomicInteger();
        final List<CompletableFuture<Void>> held = new ArrayList<>();
        volatile boolean holdAcknowledgements;

        @Override
        public synchronized CompletableFuture<Void> publish(List<Reading> batch) {
            attempts.incrementAndGet();
            if (failuresBeforeSuccess.getAndDecrement() > 0) {
                return CompletableFuture.failedFuture(new org.apache.kafka.common.errors.TimeoutException("down"));
            }
            sent.addAll(batch);
            if (!holdAcknowledgements) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> ack = new CompletableFuture<>();
            held.add(ack);
            return ack;
        }

        synchronized void acknowledgeAll() {
            held.forEach(ack -> ack.complete(null));
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
