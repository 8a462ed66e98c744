package io.parkwatch.ingest.jt808.tcp;

import static io.parkwatch.ingest.jt808.tcp.TerminalFrames.LOCATION_BODY;
import static io.parkwatch.ingest.jt808.tcp.TerminalFrames.concat;
import static io.parkwatch.ingest.jt808.tcp.TerminalFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.format.TopicAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * What the session refuses itself goes to the rejected topic with its frame and a reason, and is
 * answered only once it is there.
 */
class Jt808SessionRefusalsTest extends Jt808SessionFixture {

    @Test
    void answersResult4ToARegistrationFromATerminalNotInTheRegistryAndRejectsIt() {
        byte[] registration = TerminalFrames.frame(0x0100, "013900000099", false, 1, 0, 0, new byte[0]);
        send(registration);

        assertThat(answers()).containsExactly("7E810000030139000000990000000104" + check("810000030139000000990000000104")
            + "7E");
        assertThat(metrics.refusedCount(Jt808ListenerMetrics.REFUSED_UNKNOWN_TERMINAL)).isEqualTo(1);
        assertThat(refusals.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.reason()).isEqualTo(RejectReason.JT808_UNKNOWN_TERMINAL);
            assertThat(refusal.payload()).isEqualTo(registration);
            assertThat(refusal.address()).isEqualTo(UNKNOWN);
            assertThat(refusal.source()).isEqualTo("tcp:jt808 from embedded");
            assertThat(refusal.detail()).contains("0x0100", "013900000099");
        });
    }

    @Test
    void rejectsAnAuthenticationFromATerminalNotInTheRegistry() {
        byte[] authentication = TerminalFrames.frame(0x0102, "013900000099", false, 4, 0, 0,
            CODE_2013.getBytes(StandardCharsets.US_ASCII));
        send(authentication);

        assertThat(answers()).hasSize(1).allSatisfy(a -> assertThat(a).startsWith("7E80010005013900000099"));
        assertThat(refusals.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.reason()).isEqualTo(RejectReason.JT808_UNKNOWN_TERMINAL);
            assertThat(refusal.payload()).isEqualTo(authentication);
        });
    }

    @Test
    void refusesAWrongAuthenticationCodeWithResult1AndRejectsItAndTheReportAfterIt() {
        byte[] authentication = TerminalFrames.authentication2013(2, "0532D8D80DCE7C7F8E2DA1E1B2DF396D");
        send(authentication);

        assertThat(answers()).containsExactly(general2013(0, 2, 0x0102, 1));
        assertThat(metrics.refusedCount(Jt808ListenerMetrics.REFUSED_WRONG_CODE)).isEqualTo(1);
        byte[] report = TerminalFrames.v2013(0x0200, 3, LOCATION_BODY);
        send(report);
        assertThat(answers()).containsExactly(general2013(1, 3, 0x0200, 1));
        assertThat(gateway.calls()).isEmpty();
        TopicAddress truck = new TopicAddress("ordos", null, "v-13", PayloadKind.JT808);
        assertThat(refusals.refusals()).satisfiesExactly(
            refusal -> {
                assertThat(refusal.reason()).isEqualTo(RejectReason.JT808_BAD_AUTH_CODE);
                assertThat(refusal.payload()).isEqualTo(authentication);
                assertThat(refusal.address()).isEqualTo(truck);
            },
            refusal -> {
                assertThat(refusal.reason()).isEqualTo(RejectReason.JT808_NOT_AUTHENTICATED);
                assertThat(refusal.payload()).isEqualTo(report);
                assertThat(refusal.address()).isEqualTo(truck);
                assertThat(refusal.detail()).contains("0x0200", TerminalFrames.PHONE_2013, "before it authenticated");
            });
    }

    @Test
    void rejectsAReportOfAnotherTerminalThanTheOneAuthenticatedOnTheConnection() {
        authenticate();
        byte[] report = TerminalFrames.v2019(0x0200, 4, LOCATION_BODY);
        send(report);

        assertThat(answers()).containsExactly(general2019(1, 4, 0x0200, 1));
        assertThat(gateway.calls()).isEmpty();
        assertThat(refusals.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.reason()).isEqualTo(RejectReason.JT808_NOT_AUTHENTICATED);
            assertThat(refusal.payload()).isEqualTo(report);
            assertThat(refusal.address()).isEqualTo(new TopicAddress("ordos", null, "v-19", PayloadKind.JT808));
            assertThat(refusal.detail()).contains("terminal " + TerminalFrames.PHONE_2013 + " authenticated");
        });
    }

    @Test
    void answersARefusalOnlyOnceTheRejectionIsInKafka() {
        refusals = new RecordingRefusals(false);
        channel = channel(Jt808TcpSettings.of("127.0.0.1", 0, Duration.ofSeconds(60)));
        send(TerminalFrames.v2013(0x0200, 1, LOCATION_BODY));

        assertThat(refusals.refusals()).hasSize(1);
        assertThat(answers()).isEmpty();

        refusals.refusals().get(0).store();
        channel.runPendingTasks();

        assertThat(answers()).containsExactly(general2013(0, 1, 0x0200, 1));
    }

    @Test
    void closesUnansweredWhenTheGatewayStopsBeforeARejectionIsInKafka() {
        refusals = new RecordingRefusals(false);
        channel = channel(Jt808TcpSettings.of("127.0.0.1", 0, Duration.ofSeconds(60)));
        send(TerminalFrames.withBadCheckCode(TerminalFrames.v2013(0x0002, 8, "")));

        refusals.refusals().get(0).answer().completeExceptionally(new IllegalStateException("gateway stopping"));
        channel.runPendingTasks();

        assertThat(answers()).isEmpty();
        assertThat(channel.isOpen()).isFalse();
        assertThat(metrics.closedCount(Jt808ListenerMetrics.CLOSE_GATEWAY_STOPPING)).isEqualTo(1);
    }

    @Test
    void refusesReportsBeforeAuthenticationAndClosesAfterRepeatedOnes() {
        byte[] first = TerminalFrames.v2013(0x0200, 1, LOCATION_BODY);
        send(first);
        send(TerminalFrames.v2013(0x0002, 2, ""));
        assertThat(answers()).containsExactly(general2013(0, 1, 0x0200, 1), general2013(1, 2, 0x0002, 1));
        assertThat(channel.isOpen()).isTrue();

        byte[] third = TerminalFrames.v2013(0x0200, 3, LOCATION_BODY);
        send(third);

        assertThat(answers()).containsExactly(general2013(2, 3, 0x0200, 1));
        assertThat(channel.isOpen()).isFalse();
        assertThat(gateway.calls()).isEmpty();
        assertThat(metrics.refusedCount(Jt808ListenerMetrics.REFUSED_UNAUTHENTICATED)).isEqualTo(3);
        assertThat(metrics.closedCount(Jt808ListenerMetrics.CLOSE_REFUSALS)).isEqualTo(1);
        // The heartbeat carries nothing to keep: counted and answered, not put in the rejected topic.
        assertThat(refusals.refusals()).extracting(RecordingRefusals.Refusal::payload).containsExactly(first, third);
    }

    @Test
    void closesAfterRepeatedRefusalsOnlyOnceEachIsAnsweredAndReadsNothingMore() {
        refusals = new RecordingRefusals(false);
        channel = channel(Jt808TcpSettings.of("127.0.0.1", 0, Duration.ofSeconds(60)));
        for (int serial = 1; serial <= 4; serial++) {
            send(TerminalFrames.v2013(0x0200, serial, LOCATION_BODY));
        }

        assertThat(refusals.refusals()).as("the fourth frame arrived after the decision to close").hasSize(3);
        assertThat(channel.isOpen()).isTrue();
        assertThat(channel.config().isAutoRead()).isFalse();
        refusals.refusals().forEach(RecordingRefusals.Refusal::store);
        channel.runPendingTasks();

        assertThat(answers()).containsExactly(general2013(0, 1, 0x0200, 1), general2013(1, 2, 0x0200, 1),
            general2013(2, 3, 0x0200, 1));
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void answersAFrameWithABadCheckCodeWithMessageErrorAndRejectsItWithoutTrustingItsSender() {
        byte[] heartbeat = TerminalFrames.v2013(0x0002, 8, "");
        assertThat(heartbeat[heartbeat.length - 3]).isNotEqualTo((byte) 0x7D);
        byte[] bad = TerminalFrames.withBadCheckCode(heartbeat);

        send(bad);

        assertThat(answers()).containsExactly(general2013(0, 8, 0x0002, 2));
        assertThat(metrics.refusedCount(Jt808ListenerMetrics.REFUSED_BAD_FRAME)).isEqualTo(1);
        assertThat(refusals.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.reason()).isEqualTo(RejectReason.JT808_BAD_CHECK_CODE);
            assertThat(refusal.payload()).isEqualTo(bad);
            assertThat(refusal.address()).isEqualTo(UNKNOWN);
        });
    }

    @Test
    void rejectsAFrameWithABadEscapeAndOneTooShortForAHeaderWhichGetsNoAnswer() {
        byte[] badEscape = hex("7E 0002 0000 013912345678 0001 7D03 7E");
        // Two bytes and their check code (01 XOR 02): no room for a header.
        byte[] tooShort = hex("7E 0102 03 7E");

        send(concat(badEscape, tooShort));

        assertThat(refusals.refusals()).extracting(RecordingRefusals.Refusal::reason)
            .containsExactly(RejectReason.JT808_BAD_ESCAPE, RejectReason.JT808_TRUNCATED);
        assertThat(refusals.refusals()).extracting(RecordingRefusals.Refusal::payload)
            .containsExactly(badEscape, tooShort);
        assertThat(answers()).as("a header that cannot be read names no one to answer").isEmpty();
    }

    @Test
    void rejectsTheHeadOfARunLongerThanTheLongestFrameAndClosesOnceItIsInKafka() {
        refusals = new RecordingRefusals(false);
        channel = channel(Jt808TcpSettings.of("127.0.0.1", 0, Duration.ofSeconds(60)));
        byte[] flood = new byte[Jt808FrameSplitter.MAX_FRAME_BYTES + 100];
        Arrays.fill(flood, (byte) 0x41);
        flood[0] = 0x7E;

        send(flood);

        assertThat(refusals.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.reason()).isEqualTo(RejectReason.JT808_MALFORMED);
            assertThat(refusal.payload()).isEqualTo(Arrays.copyOf(flood, Jt808FrameSplitter.MAX_FRAME_BYTES));
            assertThat(refusal.detail()).contains(flood.length + " bytes without a closing 0x7E flag");
            assertThat(refusal.address()).isEqualTo(UNKNOWN);
        });
        assertThat(channel.isOpen()).isTrue();
        refusals.refusals().get(0).store();
        channel.runPendingTasks();

        assertThat(answers()).isEmpty();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void neitherHeartbeatsNorTheTerminalsOwnAnswersAreRefusals() {
        authenticate();
        send(TerminalFrames.v2013(0x0002, 2, ""));
        send(TerminalFrames.v2013(0x0001, 3, "0000 8001 00"));

        assertThat(answers()).containsExactly(general2013(1, 2, 0x0002, 0));
        assertThat(refusals.refusals()).isEmpty();
        assertThat(channel.isOpen()).isTrue();
    }
}
