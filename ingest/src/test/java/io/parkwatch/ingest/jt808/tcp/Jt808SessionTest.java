package io.parkwatch.ingest.jt808.tcp;

import static io.parkwatch.ingest.jt808.tcp.TerminalFrames.LOCATION_BODY;
import static io.parkwatch.ingest.jt808.tcp.TerminalFrames.concat;
import static io.parkwatch.ingest.jt808.tcp.TerminalFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.format.TopicAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session state machine: registration, authentication, heartbeats, reports, split messages, timers. */
class Jt808SessionTest extends Jt808SessionFixture {

    @Test
    void registersAKnownTerminalWithItsAuthenticationCode() {
        send(TerminalFrames.v2013(0x0100, 1, "0000 0000 3730303030 " + "00".repeat(20) + " 00000000000000 00"));

        // 0x8100, 35 body bytes, phone, platform serial 0 | answer serial 1, result 0, the code | check code.
        assertThat(answers()).containsExactly("7E8100002301391234567800000001003035333244384438304443453743374638"
            + "453244413145314232444633393643E27E");
        assertThat(hex(CODE_2013.getBytes())).isEqualTo("3035333244384438304443453743374638453244413145314232444633393643");
    }

    @Test
    void authenticatesTheCodeItIssuedAndAnswersHeartbeats() {
        send(TerminalFrames.v2013(0x0100, 1, ""));
        answers();
        send(TerminalFrames.authentication2013(2, CODE_2013));

        // 0x8001, 5 body bytes, phone, platform serial 1 | answer serial 2, message 0x0102, result 0 | check code.
        assertThat(answers()).containsExactly("7E8001000501391234567800010002010200B47E");

        send(TerminalFrames.v2013(0x0002, 3, ""));
        assertThat(answers()).containsExactly(general2013(2, 3, 0x0002, 0));
    }

    @Test
    void authenticatesWithoutRegisteringAgainAfterARestart() {
        // A code is derived, not stored: a fresh session (a restarted gateway) accepts the code issued before.
        send(TerminalFrames.authentication2013(9, CODE_2013));

        assertThat(answers()).containsExactly(general2013(0, 9, 0x0102, 0));
    }

    @Test
    void answersA2019TerminalWithA2019HeaderItsVersionAndItsPhone() {
        send(TerminalFrames.v2019(0x0100, 5, ""));
        assertThat(answers()).containsExactly("7E81004023010000000001391234567800000005004244374633343237383843364535"
            + "364439333838353531354138394345363743DE7E");

        send(TerminalFrames.authentication2019(6, CODE_2019));
        assertThat(answers()).containsExactly(general2019(1, 6, 0x0102, 0));

        send(TerminalFrames.v2019(0x0002, 7, ""));
        // 0x8001, attributes 0x4005 (2019, 5 bytes), version 1, BCD[10] phone, platform serial 2 | 7, 0x0002, 0.
        assertThat(answers()).containsExactly("7E80014005010000000001391234567800020007000200F27E");
    }

    @Test
    void answersAReportOnlyOnceTheGatewayHasItInKafka() {
        authenticate();
        byte[] report = TerminalFrames.v2013(0x0200, 0x7E7D, LOCATION_BODY);
        send(report);

        assertThat(gateway.calls()).singleElement().satisfies(call -> {
            assertThat(call.address()).isEqualTo(new TopicAddress("ordos", null, "v-13", PayloadKind.JT808));
            assertThat(call.payload()).isEqualTo(report);
        });
        assertThat(answers()).isEmpty();

        gateway.calls().get(0).publish();
        channel.runPendingTasks();

        // The serial 0x7E7D is escaped in the answer body: 7D02 7D01.
        assertThat(answers()).containsExactly("7E80010005013912345678000" + "1" + "7D027D01020000"
            + check("8001000501391234567800017E7D020000") + "7E");
    }

    @Test
    void answersARejectedReportWithMessageErrorAndAnUnreadMessageWithNotSupported() {
        authenticate();
        send(TerminalFrames.v2013(0x0704, 4, "0001 00 0003 000000"));
        send(TerminalFrames.v2013(0x0900, 5, "F1 00"));
        gateway.calls().forEach(RecordingGateway.Call::reject);
        channel.runPendingTasks();

        assertThat(answers()).containsExactly(general2013(1, 4, 0x0704, 2), general2013(2, 5, 0x0900, 3));
    }

    @Test
    void answersDeregistrationAndCloses() {
        authenticate();
        send(TerminalFrames.v2013(0x0003, 6, ""));

        assertThat(answers()).containsExactly(general2013(1, 6, 0x0003, 0));
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void closesAConnectionSilentForThreeHeartbeatIntervals() {
        authenticate();
        pass(Duration.ofSeconds(179));
        assertThat(channel.isOpen()).isTrue();
        send(TerminalFrames.v2013(0x0002, 3, ""));
        pass(Duration.ofSeconds(179));
        assertThat(channel.isOpen()).as("a heartbeat restarts the silence").isTrue();

        pass(Duration.ofSeconds(1));

        assertThat(channel.isOpen()).isFalse();
        assertThat(metrics.closedCount(Jt808ListenerMetrics.CLOSE_IDLE)).isEqualTo(1);
    }

    @Test
    void honoursAConfiguredHeartbeatInterval() {
        channel = channel(Jt808TcpSettings.of("127.0.0.1", 0, Duration.ofSeconds(10)));
        pass(Duration.ofSeconds(29));
        assertThat(channel.isOpen()).isTrue();
        pass(Duration.ofSeconds(1));
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void reassemblesASplitMessageAndAnswersEachPartOnceItIsInKafka() {
        authenticate();
        byte[] one = TerminalFrames.part(0x0704, 10, 2, 1, "0001 00 001C");
        byte[] two = TerminalFrames.part(0x0704, 11, 2, 2, LOCATION_BODY);
        send(one);
        assertThat(gateway.calls()).isEmpty();
        send(two);

        assertThat(gateway.calls()).singleElement().satisfies(call -> assertThat(call.payload())
            .isEqualTo(concat(one, two)));
        gateway.calls().get(0).publish();
        channel.runPendingTasks();
        assertThat(answers()).containsExactly(general2013(1, 10, 0x0704, 0), general2013(2, 11, 0x0704, 0));
    }

    @Test
    void givesUpTheHeldPartsOfAMessageThatDoesNotCompleteInTime() {
        authenticate();
        byte[] one = TerminalFrames.part(0x0704, 20, 3, 1, "0001 00 001C");
        send(one);

        pass(Duration.ofSeconds(59));
        assertThat(gateway.calls()).isEmpty();
        pass(Duration.ofSeconds(2));

        // Handed as it is: the chain refuses it (parts missing) into the rejected topic with its bytes.
        assertThat(gateway.calls()).singleElement().satisfies(call -> assertThat(call.payload()).isEqualTo(one));
        gateway.calls().get(0).reject();
        channel.runPendingTasks();
        assertThat(answers()).containsExactly(general2013(1, 20, 0x0704, 2));
    }

    @Test
    void stopsReadingAtTheReportsInFlightBoundAndResumesWhenOneIsAnswered() {
        channel = channel(new Jt808TcpSettings("127.0.0.1", 0, Duration.ofSeconds(60), 2, 3, Duration.ofSeconds(60),
            65_536));
        authenticate();
        send(TerminalFrames.v2013(0x0200, 1, LOCATION_BODY));
        assertThat(channel.config().isAutoRead()).isTrue();
        send(TerminalFrames.v2013(0x0200, 2, LOCATION_BODY));
        assertThat(channel.config().isAutoRead()).isFalse();

        gateway.calls().get(0).publish();
        channel.runPendingTasks();

        assertThat(channel.config().isAutoRead()).isTrue();
    }

    @Test
    void numbersThePlatformsMessagesPerSessionWrappingAt65535() {
        authenticate();
        for (int i = 0; i < 65_535; i++) {
            send(TerminalFrames.v2013(0x0002, 1, ""));
        }
        List<String> last = answers();
        assertThat(last.get(last.size() - 1)).isEqualTo(general2013(0xFFFF, 1, 0x0002, 0));

        send(TerminalFrames.v2013(0x0002, 1, ""));
        assertThat(answers()).containsExactly(general2013(0, 1, 0x0002, 0));
    }
}
