package io.parkwatch.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.rejection.RejectionPublisher;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.format.Outcome;
import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.format.SessionAnswer;
import io.parkwatch.ingest.format.TopicAddress;
import io.parkwatch.ingest.gateway.GatewayMetrics;
import io.parkwatch.ingest.gateway.GatewaySettings;
import io.parkwatch.ingest.gateway.SessionChain;
import io.parkwatch.ingest.publish.ReadingPublisher;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HJ 212 on a device session: the data answer comes back, split packets are held until whole. */
class Hj212SessionChainTest {

    private static final TopicAddress LOGGER = new TopicAddress("ordos", "power-co", null, PayloadKind.HJ212);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<Reading> readings = new CopyOnWriteArrayList<>();
    private final List<Rejection> rejections = new CopyOnWriteArrayList<>();
    private final SessionChain chain = chain();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private SessionChain chain() {
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
        return new SessionChain(directory, Map.of(PayloadKind.HJ212,
            new Hj212Format(directory, UnitCatalog.defaults(), Hj212Settings.holdingParts())), readingSink, rejectionSink,
            new GatewayMetrics(new SimpleMeterRegistry()), new GatewaySettings(64 * 1024, Duration.ofMinutes(5),
                Duration.ofDays(7), UnitCatalog.defaults(), new Backoff(Duration.ofMillis(1), Duration.ofMillis(5))),
            Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC), scheduler, () -> true);
    }

    private static byte[] part(int pnum, int pno, String values) {
        return Hj212TestPackets.packet("2011", "DataTime=20261123155900;" + values).flag("7").part(pnum, pno).bytes();
    }

    private static String text(SessionAnswer answer) {
        return new String(answer.reply().orElseThrow(), StandardCharsets.US_ASCII);
    }

    @Test
    void anUploadAskingForAnAnswerGetsTheDataAnswerBack() throws Exception {
        byte[] raw = Hj212TestPackets.packet("2011", "DataTime=20261123155900;a21026-Rtd=35.2").flag("5").bytes();

        SessionAnswer answer = chain.handle(LOGGER, raw).get(5, TimeUnit.SECONDS);

        assertThat(answer.outcome()).isEqualTo(Outcome.PUBLISHED);
        assertThat(text(answer)).startsWith("##").contains("QN=20261123155900123;ST=91;CN=9014;")
            .contains(";Flag=4;CP=&&&&").endsWith("\r\n");
        assertThat(readings).singleElement().satisfies(r -> {
            assertThat(r.pointKey()).isEqualTo("ordos/power-co/stack-1");
            assertThat(r.messageId()).isEqualTo(Hj212TestPackets.MN + "|20261123155900123|a21026-Rtd");
        });
    }

    @Test
    void anUploadNotAskingForAnAnswerGetsNone() throws Exception {
        byte[] raw = Hj212TestPackets.packet("2011", "DataTime=20261123155900;a21026-Rtd=35.2").flag("4").bytes();
        assertThat(chain.handle(LOGGER, raw).get(5, TimeUnit.SECONDS).reply()).isEmpty();
    }

    @Test
    void aBadCrcComesBackAsQnRtn9() throws Exception {
        byte[] raw = Hj212TestPackets.packet("2011", "DataTime=20261123155900;a21026-Rtd=35.2").crc("BEEF").bytes();
        SessionAnswer answer = chain.handle(LOGGER, raw).get(5, TimeUnit.SECONDS);

        assertThat(answer.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(text(answer)).contains("CN=9011;").contains("QnRtn=9&&");
        assertThat(rejections).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.HJ212_BAD_CRC);
            assertThat(r.source()).isEqualTo("tcp:parks/ordos/enterprises/power-co/hj212");
            assertThat(r.raw()).isEqualTo(raw);
        });
    }

    @Test
    void splitPartsAreHeldUntilWholeAndThePacketIsAnsweredOnceByItsLastPart() throws Exception {
        CompletableFuture<SessionAnswer> first = chain.handle(LOGGER, part(2, 1, "a21026-Rtd=35.2"));
        assertThat(first).isNotDone();
        assertThat(readings).isEmpty();

        SessionAnswer last = chain.handle(LOGGER, part(2, 2, "a21002-Rtd=48.1")).get(5, TimeUnit.SECONDS);

        assertThat(last.outcome()).isEqualTo(Outcome.PUBLISHED);
        assertThat(text(last)).contains(";CN=9014;");
        assertThat(first.get(5, TimeUnit.SECONDS)).satisfies(answer -> {
            assertThat(answer.outcome()).isEqualTo(Outcome.PUBLISHED);
            assertThat(answer.reply()).isEmpty();
        });
        assertThat(readings).extracting(Reading::metric).containsExactly("a21026-Rtd", "a21002-Rtd");
    }

    @Test
    void aWrongPasswordRefusedByTheSessionIsAnsweredQnRtn3() throws Exception {
        byte[] raw = Hj212TestPackets.packet("2011", "DataTime=20261123155900;a21026-Rtd=35.2").bytes();
        SessionAnswer answer = chain.refuse("tcp:hj212 from 203.0.113.7:40112", LOGGER, raw,
            new RejectedInputException(RejectReason.HJ212_BAD_PASSWORD, "wrong PW")).get(5, TimeUnit.SECONDS);

        assertThat(text(answer)).contains("CN=9011;").contains("MN=" + Hj212TestPackets.MN).contains("QnRtn=3&&");
        assertThat(rejections).extracting(Rejection::reason).containsExactly(RejectReason.HJ212_BAD_PASSWORD);
    }
}
