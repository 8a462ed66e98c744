package io.parkwatch.ingest.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.rejection.RejectionPublisher;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.format.Outcome;
import io.parkwatch.ingest.json.JsonPointFormat;
import io.parkwatch.ingest.publish.ReadingPublisher;
import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.validate.UnitCatalog;
import io.parkwatch.transport.retry.Backoff;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

class MessageGatewayTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final String TOPIC = "parks/xilinhot/enterprises/e001/points/elec-01";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final RecordingReadings readings = new RecordingReadings();
    private final RecordingRejections rejections = new RecordingRejections();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final GatewayMetrics metrics = new GatewayMetrics(meters);
    private final List<String> feedback = new CopyOnWriteArrayList<>();
    private final RegistryView directory = RegistryView.of(List.of(new PointEntry("xilinhot", "e001",
        "elec-01", Module.ENERGY, "electricity-meter", Duration.ofMinutes(1), null, null)));
    private final MessageGateway gateway = new MessageGateway(directory,
        Map.of(PayloadKind.JSON, new JsonPointFormat(directory)), readings, rejections,
        (topic, payload) -> feedback.add(topic + " " + new String(payload, StandardCharsets.UTF_8)), metrics,
        new GatewaySettings(1024, Duration.ofMinutes(5), Duration.ofDays(7), UnitCatalog.defaults(),
            new Backoff(Duration.ofMillis(1), Duration.ofMillis(5))),
        Clock.fixed(NOW, ZoneOffset.UTC), scheduler, () -> true);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private Outcome handle(String topic, String payload) throws Exception {
        return gateway.handle(topic, payload.getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
    }

    @Test
    void publishesAValidReadingWithTheRegistryDomain() throws Exception {
        Outcome outcome = handle(TOPIC,
            "{\"metric\":\"active_power\",\"value\":412.5,\"unit\":\"kW\",\"ts\":\"2026-11-23T15:59:00+08:00\",\"id\":\"m-7\"}");

        assertThat(outcome).isEqualTo(Outcome.PUBLISHED);
        assertThat(readings.sent).singleElement().satisfies(r -> {
            assertThat(r.messageId()).isEqualTo("m-7");
            assertThat(r.pointKey()).isEqualTo("xilinhot/e001/elec-01");
            assertThat(r.domain()).isEqualTo(Domain.ENERGY);
            assertThat(r.value()).isEqualTo(412.5);
            assertThat(r.observedAt()).isEqualTo(Instant.parse("2026-11-23T07:59:00Z"));
            assertThat(r.receivedAt()).isEqualTo(NOW);
        });
        assertThat(rejections.sent).isEmpty();
    }

    @Test
    void publishesEveryReadingOfAnArrayAndDerivesIdsWhenAbsent() throws Exception {
        long ts = NOW.toEpochMilli();
        handle(TOPIC, "[{\"metric\":\"kwh\",\"value\":1,\"unit\":\"kWh\",\"ts\":" + ts + "},"
            + "{\"metric\":\"kw\",\"value\":2,\"unit\":\"kW\",\"ts\":" + ts + "}]");

        assertThat(readings.sent).extracting(Reading::messageId).containsExactly(
            "xilinhot/e001/elec-01|kwh|" + ts, "xilinhot/e001/elec-01|kw|" + ts);
    }

    @Test
    void rejectsBadInputWithItsRawBytesAndReason() throws Exception {
        String payload = "{\"metric\":\"kwh\",\"value\":\"lots\",\"unit\":\"kWh\",\"ts\":1}";
        assertThat(handle(TOPIC, payload)).isEqualTo(Outcome.REJECTED);

        assertThat(rejections.sent).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.NON_FINITE_VALUE);
            assertThat(r.source()).isEqualTo(TOPIC);
            assertThat(r.enterprise()).isEqualTo("e001");
            assertThat(new String(r.raw(), StandardCharsets.UTF_8)).isEqualTo(payload);
        });
        assertThat(readings.sent).isEmpty();
        assertThat(metrics.rejectedCount(RejectReason.NON_FINITE_VALUE)).isEqualTo(1.0);
        assertThat(feedback).singleElement().asString()
            .startsWith("parks/xilinhot/enterprises/e001/feedback {\"status\":\"rejected\",\"reason\":\"NON_FINITE_VALUE\"")
            .contains("\"point\":\"elec-01\"");
    }

    @Test
    void aTopicOfAnUnknownShapeIsRejectedWithoutFeedbackSinceNoSenderCanBeAddressed() throws Exception {
        handle("devices/x", "{}");
        assertThat(rejections.sent).extracting(Rejection::reason).containsExactly(RejectReason.UNKNOWN_TOPIC);
        assertThat(feedback).isEmpty();
    }

    @Test
    void formatsWithoutADecoderAreRejectedAsUnknownTopics() throws Exception {
        handle("parks/xilinhot/vehicles/v1/jt808", "x");
        assertThat(rejections.sent).extracting(Rejection::detail).containsExactly(
            "JT808 payloads are not accepted by this gateway");
    }

    @Test
    void rejectsEachKindOfBadInputWithItsOwnReason() throws Exception {
        String ok = "{\"metric\":\"kwh\",\"value\":1,\"unit\":\"kWh\",\"ts\":\"2026-11-23T08:00:00Z\"}";
        handle("devices/x", ok);
        handle("parks/nowhere/enterprises/e001/points/elec-01", ok);
        handle("parks/xilinhot/enterprises/e999/points/elec-01", ok);
        handle("parks/xilinhot/enterprises/e001/points/nope", ok);
        handle(TOPIC, "{not json");
        handle(TOPIC, "{\"metric\":\"kwh\",\"value\":1e999,\"unit\":\"kWh\",\"ts\":1}");
        handle(TOPIC, "{\"metric\":\"kwh\",\"value\":1,\"unit\":\"kWh\",\"ts\":\"2027-01-01T00:00:00Z\"}");
        handle(TOPIC, "{\"metric\":\"kwh\",\"value\":1,\"unit\":\"kWh\",\"ts\":\"2020-01-01T00:00:00Z\"}");
        handle(TOPIC, "{\"metric\":\"kwh\",\"value\":1,\"unit\":\"kWh\",\"ts\":\"yesterday\"}");
        handle(TOPIC, "{\"value\":1,\"unit\":\"kWh\",\"ts\":1}");
        handle(TOPIC, "x".repeat(2000));
        handle(TOPIC, "{\"metric\":\"active_power\",\"value\":1,\"unit\":\"KW\",\"ts\":\"2026-11-23T08:00:00Z\"}");
        handle(TOPIC, "{\"metric\":\"vibration\",\"value\":1,\"unit\":\"furlong\",\"ts\":\"2026-11-23T08:00:00Z\"}");

        assertThat(rejections.sent).extracting(Rejection::reason).containsExactly(
            RejectReason.UNKNOWN_TOPIC, RejectReason.UNKNOWN_PARK, RejectReason.UNKNOWN_ENTERPRISE,
            RejectReason.UNKNOWN_POINT, RejectReason.MALFORMED_JSON, RejectReason.NON_FINITE_VALUE,
            RejectReason.TIMESTAMP_IN_FUTURE, RejectReason.TIMESTAMP_TOO_OLD, RejectReason.TIMESTAMP_INVALID,
            RejectReason.MISSING_FIELD, RejectReason.PAYLOAD_TOO_LARGE, RejectReason.UNKNOWN_UNIT,
            RejectReason.UNKNOWN_UNIT);
        assertThat(readings.sent).isEmpty();
    }

    @Test
    void rejectsInvalidUtf8() throws Exception {
        byte[] latin1 = "{\"metric\":\"温度\"}".getBytes(StandardCharsets.UTF_16LE);
        assertThat(gateway.handle(TOPIC, latin1).get(5, TimeUnit.SECONDS)).isEqualTo(Outcome.REJECTED);
        assertThat(rejections.sent).extracting(Rejection::reason).containsExactly(RejectReason.NOT_UTF8);
    }

    @Test
    void decodesNonAsciiPayloadsAsUtf8Text() throws Exception {
        Outcome outcome = handle(TOPIC,
            "{\"metric\":\"active_power\",\"value\":1,\"unit\":\"kW\",\"ts\":\"2026-11-23T08:00:00Z\",\"id\":\"电表-1\"}");

        assertThat(outcome).isEqualTo(Outcome.PUBLISHED);
        assertThat(readings.sent).singleElement().extracting(Reading::messageId).isEqualTo("电表-1");
    }

    @Test
    void rejectsUtf16JsonThatHappensToBeValidUtf8AsMalformed() throws Exception {
        byte[] utf16 = "{\"metric\":\"active_power\",\"value\":1,\"unit\":\"kW\",\"ts\":1}"
            .getBytes(StandardCharsets.UTF_16LE);

        assertThat(gateway.handle(TOPIC, utf16).get(5, TimeUnit.SECONDS)).isEqualTo(Outcome.REJECTED);
        assertThat(rejections.sent).extracting(Rejection::reason).containsExactly(RejectReason.MALFORMED_JSON);
        assertThat(readings.sent).isEmpty();
    }

    @Test
    void retriesAFailedKafkaSendInsteadOfRejecting() throws Exception {
        readings.failuresBeforeSuccess.set(3);
        Outcome outcome = handle(TOPIC, "{\"metric\":\"kwh\",\"value\":1,\"unit\":\"kWh\",\"ts\":\"2026-11-23T08:00:00Z\"}");

        assertThat(outcome).isEqualTo(Outcome.PUBLISHED);
        assertThat(readings.attempts.get()).isEqualTo(4);
        assertThat(readings.sent).hasSize(1);
        assertThat(rejections.sent).isEmpty();
    }

    @Test
    void ignoresItsOwnFeedbackTopics() throws Exception {
        assertThat(handle("parks/xilinhot/enterprises/e001/feedback", "{}")).isEqualTo(Outcome.IGNORED);
        assertThat(readings.sent).isEmpty();
        assertThat(rejections.sent).isEmpty();
    }

    private static final class RecordingReadings implements ReadingPublisher {
        final List<Reading> sent = new CopyOnWriteArrayList<>();
        final AtomicInteger failuresBeforeSuccess = new AtomicInteger();
        final AtomicInteger attempts = new AtomicInteger();

        @Override
        public CompletableFuture<Void> publish(List<Reading> batch) {
            attempts.incrementAndGet();
            if (failuresBeforeSuccess.getAndDecrement() > 0) {
                return CompletableFuture.failedFuture(new org.apache.kafka.common.errors.TimeoutException("down"));
            }
            sent.addAll(batch);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            // nothing held
        }
    }

    private static final class RecordingRejections implements RejectionPublisher {
        final List<Rejection> sent = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Void> publish(Rejection rejection) {
            sent.add(rejection);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
