package io.parkwatch.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.rejection.RejectionPublisher;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.format.Outcome;
import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.gateway.GatewayMetrics;
import io.parkwatch.ingest.gateway.GatewaySettings;
import io.parkwatch.ingest.gateway.MessageGateway;
import io.parkwatch.ingest.publish.ReadingPublisher;
import io.parkwatch.ingest.validate.UnitCatalog;
import io.parkwatch.testkit.MutableClock;
import io.parkwatch.transport.retry.Backoff;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HJ 212 through the whole gateway chain: readings, refusals, replies, and split packets held until whole. */
class Hj212GatewayTest {

    private static final String TOPIC = "parks/ordos/enterprises/power-co/hj212";
    private static final String FEEDBACK = "parks/ordos/enterprises/power-co/feedback";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final List<Reading> readings = new CopyOnWriteArrayList<>();
    private final List<Rejection> rejections = new CopyOnWriteArrayList<>();
    private final List<String> feedback = new CopyOnWriteArrayList<>();
    private MessageGateway gateway = gateway(Hj212Settings.holdingParts());

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private MessageGateway gateway(Hj212Settings settings) {
        RegistryView directory = RegistryView.of(List.of(Hj212FormatTest.STACK, Hj212FormatTest.OTHER));
        ReadingPublisher readingSink = new ReadingPublisher() {
            @Override
            public CompletableFuture<Void> publish(List<Reading> batch) {
                readings.addAll(batch);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close() {
                // nothing held
            }
        };
        RejectionPublisher rejectionSink = new RejectionPublisher() {
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
        return new MessageGateway(directory,
            Map.of(PayloadKind.HJ212, new Hj212Format(directory, UnitCatalog.defaults(), settings)), readingSink,
            rejectionSink, (topic, payload) -> feedback.add(topic + " " + new String(payload, StandardCharsets.US_ASCII)),
            new GatewayMetrics(new SimpleMeterRegistry()), new GatewaySettings(64 * 1024, Duration.ofMinutes(5),
                Duration.ofDays(7), UnitCatalog.defaults(), new Backoff(Duration.ofMillis(1), Duration.ofMillis(5))),
            clock, scheduler, () -> true);
    }

    private static byte[] part(int pnum, int pno, String values) {
        return Hj212TestPackets.packet("2011", "DataTime=20261123155900;" + values).flag("7").part(pnum, pno).bytes();
    }

    private static Outcome outcome(CompletableFuture<Outcome> future) throws Exception {
        return future.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aWholePacketIsPublishedAndAnsweredAfterItsReadingsAreIn() throws Exception {
        byte[] raw = Hj212TestPackets.packet("2011", "DataTime=20261123155900;a21026-Rtd=35.2").flag("5").bytes();

        assertThat(outcome(gateway.handle(TOPIC, raw))).isEqualTo(Outcome.PUBLISHED);
        assertThat(readings).singleElement().satisfies(r -> {
            assertThat(r.pointKey()).isEqualTo("ordos/power-co/stack-1");
            assertThat(r.sourceFormat()).isEqualTo(SourceFormat.HJ212);
            assertThat(r.metric()).isEqualTo("a21026-Rtd");
            assertThat(r.unit()).isEqualTo("mg/m3");
        });
        assertThat(feedback).singleElement().asString().startsWith(FEEDBACK + " ##")
            .contains(";ST=91;CN=9014;").contains(";Flag=4;CP=&&&&");
    }

    @Test
    void aBadCrcIsRejectedWithItsRawBytesAndAnsweredWithQnRtn9() throws Exception {
        byte[] raw = Hj212TestPackets.packet("2011", "DataTime=20261123155900;a21026-Rtd=35.2").crc("BEEF").bytes();

        assertThat(outcome(gateway.handle(TOPIC, raw))).isEqualTo(Outcome.REJECTED);
        assertThat(rejections).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.HJ212_BAD_CRC);
            assertThat(r.format()).isEqualTo(SourceFormat.HJ212);
            assertThat(r.raw()).isEqualTo(raw);
        });
        assertThat(feedback).singleElement().asString().contains("CN=9011;").contains("QnRtn=9&&");
        assertThat(readings).isEmpty();
    }

    @Test
    void aDataTimeFarInTheFutureIsRefusedByTheSharedValidator() throws Exception {
        gateway.handle(TOPIC, Hj212TestPackets.packet("2011", "DataTime=20301123155900;a21026-Rtd=1").bytes());
        assertThat(rejections).extracting(Rejection::reason).containsExactly(RejectReason.TIMESTAMP_IN_FUTURE);
    }

    @Test
    void withoutHoldingALonePartIsRefusedAtOnceAndAllPartsInOneMessageAreRead() throws Exception {
        gateway = gateway(Hj212Settings.DEFAULTS);
        byte[] one = part(2, 1, "a21026-Rtd=35.2");
        byte[] two = part(2, 2, "a21002-Rtd=48.1");
        assertThat(outcome(gateway.handle(TOPIC, one))).isEqualTo(Outcome.REJECTED);
        assertThat(rejections).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.HJ212_SPLIT_INCOMPLETE);
            assertThat(r.detail()).contains("send all parts of a split packet in one message");
        });

        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(two);
        both.writeBytes(one);
        assertThat(outcome(gateway.handle(TOPIC, both.toByteArray()))).isEqualTo(Outcome.PUBLISHED);
        assertThat(readings).extracting(Reading::metric).containsExactly("a21026-Rtd", "a21002-Rtd");
    }

    @Test
    void partsInOrderAreHeldUnansweredThenPublishedTogether() throws Exception {
        CompletableFuture<Outcome> first = gateway.handle(TOPIC, part(2, 1, "a21026-Rtd=35.2"));
        assertThat(first).as("held: its MQTT acknowledgement waits").isNotDone();
        assertThat(readings).isEmpty();

        CompletableFuture<Outcome> second = gateway.handle(TOPIC, part(2, 2, "a21002-Rtd=48.1"));

        assertThat(outcome(first)).isEqualTo(Outcome.PUBLISHED);
        assertThat(outcome(second)).isEqualTo(Outcome.PUBLISHED);
        assertThat(readings).extracting(Reading::metric).containsExactly("a21026-Rtd", "a21002-Rtd");
        assertThat(feedback).as("one answer for the packet").singleElement().asString().contains(";CN=9014;");
    }

    @Test
    void partsOutOfOrderAreReadInPartNumberOrder() throws Exception {
        CompletableFuture<Outcome> third = gateway.handle(TOPIC, part(3, 3, "a19001-Rtd=6.1"));
        CompletableFuture<Outcome> first = gateway.handle(TOPIC, part(3, 1, "a21026-Rtd=35.2"));
        assertThat(third).isNotDone();
        CompletableFuture<Outcome> second = gateway.handle(TOPIC, part(3, 2, "a21002-Rtd=48.1"));

        assertThat(List.of(outcome(first), outcome(second), outcome(third))).containsOnly(Outcome.PUBLISHED);
        assertThat(readings).extracting(Reading::metric).containsExactly("a21026-Rtd", "a21002-Rtd", "a19001-Rtd");
    }

    @Test
    void aRedeliveredPartIsAnsweredWithItsPacketAndReadOnce() throws Exception {
        CompletableFuture<Outcome> first = gateway.handle(TOPIC, part(2, 1, "a21026-Rtd=35.2"));
        CompletableFuture<Outcome> again = gateway.handle(TOPIC, part(2, 1, "a21026-Rtd=35.2"));
        CompletableFuture<Outcome> second = gateway.handle(TOPIC, part(2, 2, "a21002-Rtd=48.1"));

        assertThat(List.of(outcome(first), outcome(again), outcome(second))).containsOnly(Outcome.PUBLISHED);
        assertThat(readings).hasSize(2);
    }

    @Test
    void partsWhoseWholeDoesNotArriveInTimeAreEachRejectedWithTheirOwnBytes() throws Exception {
        byte[] lonely = part(3, 2, "a21002-Rtd=48.1");
        CompletableFuture<Outcome> held = gateway.handle(TOPIC, lonely);
        clock.advance(Duration.ofSeconds(59));
        gateway.expireHeldParts();
        assertThat(held).as("still inside the window").isNotDone();

        clock.advance(Duration.ofSeconds(1));
        gateway.expireHeldParts();

        assertThat(outcome(held)).isEqualTo(Outcome.REJECTED);
        assertThat(rejections).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.HJ212_SPLIT_INCOMPLETE);
            assertThat(r.detail()).contains("only parts [2] of 3 arrived within PT1M");
            assertThat(r.raw()).isEqualTo(lonely);
        });
        assertThat(feedback).singleElement().asString().contains("QnRtn=2&&");
        assertThat(readings).isEmpty();
    }

    @Test
    void beyondTheLimitOfIncompletePacketsANewPacketsPartIsRefusedAtOnce() throws Exception {
        gateway = gateway(new Hj212Settings(true, Duration.ofSeconds(60), 1));
        CompletableFuture<Outcome> held = gateway.handle(TOPIC, part(2, 1, "a21026-Rtd=35.2"));
        byte[] other = Hj212TestPackets.packet("2011", "DataTime=20261123155900;a21026-Rtd=1").qn("20261123155901000")
            .flag("7").part(2, 1).bytes();

        assertThat(outcome(gateway.handle(TOPIC, other))).isEqualTo(Outcome.REJECTED);
        assertThat(rejections).extracting(Rejection::reason).containsExactly(RejectReason.HJ212_SPLIT_INCOMPLETE);
        assertThat(held).isNotDone();
    }

    @Test
    void aPartFromAnUnknownMnIsRefusedAtOnceNotHeld() throws Exception {
        byte[] raw = Hj212TestPackets.packet("2011", "DataTime=20261123155900;a21026-Rtd=1").mn("NOSUCHMN")
            .flag("7").part(2, 1).bytes();
        assertThat(outcome(gateway.handle(TOPIC, raw))).isEqualTo(Outcome.REJECTED);
        assertThat(rejections).extracting(Rejection::reason).containsExactly(RejectReason.HJ212_UNKNOWN_MN);
        assertThat(feedback).singleElement().asString().contains("QnRtn=4&&");
    }

    @Test
    void aWholeWithABadValueIsOneRejectionOfAllPartsBytesAndEveryPartIsAnswered() throws Exception {
        byte[] one = part(2, 1, "a21026-Rtd=35.2");
        byte[] two = part(2, 2, "a21002-Rtd=lots");
        CompletableFuture<Outcome> first = gateway.handle(TOPIC, one);
        CompletableFuture<Outcome> second = gateway.handle(TOPIC, two);

        assertThat(List.of(outcome(first), outcome(second))).containsOnly(Outcome.REJECTED);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(one);
        both.writeBytes(two);
        assertThat(rejections).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.NON_FINITE_VALUE);
            assertThat(r.raw()).isEqualTo(both.toByteArray());
        });
        assertThat(readings).isEmpty();
    }
}
