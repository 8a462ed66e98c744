package io.parkwatch.ingest.hj212.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.format.Outcome;
import io.parkwatch.ingest.format.SessionAnswer;
import io.parkwatch.ingest.format.TopicAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** One connection's session without a network: order of answers, back-pressure, logins. */
class Hj212SessionTest {

    private static final PointEntry STACK = new PointEntry("ordos", "power-co", "stack-1", Module.ENVIRONMENT,
        "cems-stack", Duration.ofMinutes(1), WirePackets.MN, null);

    private final List<CompletableFuture<SessionAnswer>> handled = new ArrayList<>();
    private final List<TopicAddress> addresses = new ArrayList<>();
    private final List<RejectReason> refused = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(new Hj212Session(
        new Hj212TcpSettings("127.0.0.1", 0, Duration.ofMinutes(5), 2, 3, 4096),
        Hj212Passwords.of(Map.of(WirePackets.MN, WirePackets.PW)), RegistryView.of(List.of(STACK)),
        (address, payload) -> {
            addresses.add(address);
            CompletableFuture<SessionAnswer> answer = new CompletableFuture<>();
            handled.add(answer);
            return answer;
        },
        (source, address, payload, why) -> {
            refused.add(why.reason());
            return CompletableFuture.completedFuture(new SessionAnswer(Outcome.REJECTED,
                Optional.of(("refused " + why.reason() + "\r\n").getBytes(StandardCharsets.US_ASCII))));
        },
        new Hj212TcpMetrics(new SimpleMeterRegistry())));

    private void packet(String pw) {
        channel.writeInbound(event(pw));
    }

    private static Hj212StreamEvent.Packet event(String pw) {
        return new Hj212StreamEvent.Packet(WirePackets.bytes(
            WirePackets.upload("20261123155900123", WirePackets.MN, pw, "20261123155900", 1.0)));
    }

    private static SessionAnswer answered(String text) {
        return new SessionAnswer(Outcome.PUBLISHED, Optional.of(text.getBytes(StandardCharsets.US_ASCII)));
    }

    private List<String> written() {
        channel.runPendingTasks();
        List<String> out = new ArrayList<>();
        for (ByteBuf buffer = channel.readOutbound(); buffer != null; buffer = channel.readOutbound()) {
            if (buffer.isReadable()) {
                out.add(buffer.toString(StandardCharsets.US_ASCII));
            }
            buffer.release();
        }
        return out;
    }

    @Test
    void anAuthenticatedPacketGoesToTheChainAsItsRegisteredSender() {
        packet(WirePackets.PW);
        assertThat(addresses).singleElement().satisfies(address -> {
            assertThat(address.park()).isEqualTo("ordos");
            assertThat(address.enterprise()).isEqualTo("power-co");
        });
    }

    @Test
    void answersGoOutInArrivalOrderEvenWhenKafkaAcknowledgesOutOfOrder() {
        packet(WirePackets.PW);
        packet(WirePackets.PW);
        handled.get(1).complete(answered("second\r\n"));
        assertThat(written()).as("the first is not answered yet").isEmpty();

        handled.get(0).complete(answered("first\r\n"));
        assertThat(written()).containsExactly("first\r\n", "second\r\n");
    }

    @Test
    void readingPausesWhileTheInFlightBoundIsReachedAndResumesWhenAnswered() {
        packet(WirePackets.PW);
        assertThat(channel.config().isAutoRead()).isTrue();
        packet(WirePackets.PW);
        assertThat(channel.config().isAutoRead()).as("two in flight, the bound").isFalse();

        handled.get(0).complete(answered("first\r\n"));
        written();
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    @Test
    void aWrongPasswordIsRefusedWithoutReachingTheChainAndASuccessResetsTheFailureCount() {
        packet("wrong");
        packet("wrong");
        packet(WirePackets.PW);
        handled.get(0).complete(answered("ok\r\n"));
        packet("wrong");
        packet("wrong");

        assertThat(refused).containsOnly(RejectReason.HJ212_BAD_PASSWORD).hasSize(4);
        assertThat(written()).hasSize(5);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void theConnectionClosesAfterTheAnswerToItsLastAllowedFailedLogin() {
        // Read together, as packets decoded from one read reach the session.
        channel.writeInbound(event("wrong"), event("wrong"), event("wrong"), event(WirePackets.PW));

        assertThat(written()).containsExactly("refused HJ212_BAD_PASSWORD\r\n", "refused HJ212_BAD_PASSWORD\r\n",
            "refused HJ212_BAD_PASSWORD\r\n");
        assertThat(handled).as("nothing is taken once the connection is condemned").isEmpty();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aPacketFromAnMnNobodyRegisteredIsRefusedAsUnknown() {
        channel.writeInbound(new Hj212StreamEvent.Packet(WirePackets.bytes(
            WirePackets.upload("20261123155900123", "NOSUCHMN", WirePackets.PW, "20261123155900", 1.0))));
        assertThat(refused).containsExactly(RejectReason.HJ212_UNKNOWN_MN);
    }

    @Test
    void aPacketThatDoesNotCheckIsRefusedWithItsOwnReason() {
        String packet = WirePackets.upload("20261123155900123", WirePackets.MN, WirePackets.PW, "20261123155900", 1.0);
        String badCrc = packet.substring(0, packet.length() - 6) + "0000\r\n";
        channel.writeInbound(new Hj212StreamEvent.Packet(WirePackets.bytes(badCrc)));
        assertThat(refused).containsExactly(RejectReason.HJ212_BAD_CRC);
    }

    @Test
    void anOverlongLengthIsRefusedAndTheConnectionClosedAfterTheAnswer() {
        channel.writeInbound(new Hj212StreamEvent.Overlong(9999, WirePackets.bytes("##9999QN=1")));
        assertThat(refused).containsExactly(RejectReason.HJ212_BAD_LENGTH);
        assertThat(written()).containsExactly("refused HJ212_BAD_LENGTH\r\n");
        assertThat(channel.isOpen()).isFalse();
    }
}
