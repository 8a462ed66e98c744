package io.parkwatch.simulator.tcp;

import io.parkwatch.simulator.tcp.AnswerListener.Outcome;
import io.parkwatch.simulator.wire.Hj212Encoder;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An HJ 212 data logger on TCP: sends each packet with its own MN's password and Flag bit A set
 * (an answer asked for), and takes the packet as delivered when the {@code CN=9014} data answer
 * with the packet's QN comes back, refused when a {@code CN=9011} with a {@code QnRtn} does.
 * Answers to other QNs (a late answer to an earlier send) are skipped.
 */
final class LoggerClient extends EquipmentClient {

    private final String password;
    private Hj212AnswerReader answers;

    LoggerClient(String mn, String password, TcpAddress address, TcpClientSettings settings, FieldCounters counters,
                 AnswerListener listener) {
        super("hj212-" + mn, address, settings, counters, listener);
        this.password = password;
    }

    @Override
    protected void opened(Socket connection) throws IOException {
        answers = new Hj212AnswerReader(connection);
    }

    @Override
    protected void loggedIn(Socket connection) {
        // A logger has no session: each packet carries its MN and PW.
    }

    @Override
    protected Outcome exchange(Delivery delivery, long deadlineNanos) throws IOException {
        byte[] packet = Hj212Encoder.forLogin(delivery.payload(), password, true);
        String qn = qnOf(packet);
        write(packet);
        while (true) {
            Hj212Answer answer = answers.next(deadlineNanos);
            if (answer == null) {
                return null;
            }
            if (answer.qn().equals(qn)) {
                return answer.accepted() ? Outcome.ACCEPTED : Outcome.REFUSED;
            }
        }
    }

    /** The packet's QN, or "" when it has none (a spoiled packet: no answer will match it). */
    static String qnOf(byte[] packet) {
        String text = new String(packet, StandardCharsets.US_ASCII);
        int at = text.indexOf("QN=");
        if (at < 0) {
            return "";
        }
        int end = text.indexOf(';', at);
        return end < 0 ? "" : text.substring(at + 3, end);
    }
}
