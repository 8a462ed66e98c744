package io.parkwatch.simulator.tcp;

import io.parkwatch.simulator.tcp.AnswerListener.Outcome;
import io.parkwatch.simulator.wire.Jt808Encoder;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.Socket;

/**
 * A JT/T 808 terminal on TCP: on each connection it authenticates (0x0102) with the code it got
 * when it registered (0x0100, once, or again when its code is refused), sends a heartbeat
 * (0x0002) when it has been idle for the interval, and sends its reports, each awaiting the
 * 0x8001 that carries the report's serial and message id. Result 0 is accepted, 2 and 3 refused;
 * 1 (not authenticated) makes it reconnect, authenticate and send the report again.
 */
final class TerminalClient extends EquipmentClient {

    private final String terminal;
    private byte[] code;
    private int serial;
    private Jt808AnswerReader answers;

    TerminalClient(String terminal, TcpAddress address, TcpClientSettings settings, FieldCounters counters,
                   AnswerListener listener) {
        super("jt808-" + terminal, address, settings, counters, listener);
        this.terminal = terminal;
    }

    @Override
    protected void opened(Socket connection) throws IOException {
        answers = new Jt808AnswerReader(connection);
    }

    @Override
    protected void loggedIn(Socket connection) throws IOException {
        if (code != null && authenticate()) {
            return;
        }
        code = register();
        if (!authenticate()) {
            code = null;
            throw new ProtocolException("terminal " + terminal + ": the code just issued was refused");
        }
    }

    private byte[] register() throws IOException {
        int number = nextSerial();
        write(Jt808Encoder.frame(Jt808Encoder.REGISTRATION, terminal, number, Jt808Encoder.registrationBody(terminal)));
        Jt808Answer answer = await(Jt808Answer.REGISTRATION_RESPONSE, -1, number);
        if (answer.result() != 0) {
            throw new ProtocolException("terminal " + terminal + " refused at registration: result " + answer.result());
        }
        return answer.code();
    }

    private boolean authenticate() throws IOException {
        int number = nextSerial();
        write(Jt808Encoder.frame(Jt808Encoder.AUTHENTICATION, terminal, number, Jt808Encoder.authenticationBody(code)));
        return await(Jt808Answer.GENERAL_RESPONSE, Jt808Encoder.AUTHENTICATION, number).result() == 0;
    }

    @Override
    protected void idle() throws IOException {
        int number = nextSerial();
        write(Jt808Encoder.frame(Jt808Encoder.HEARTBEAT, terminal, number, new byte[0]));
        counters.heartbeats.incrementAndGet();
        if (await(Jt808Answer.GENERAL_RESPONSE, Jt808Encoder.HEARTBEAT, number).result() != 0) {
            throw new ProtocolException("terminal " + terminal + ": heartbeat refused");
        }
    }

    @Override
    protected Outcome exchange(Delivery delivery, long deadlineNanos) throws IOException {
        byte[] content = Jt808Answer.unescape(delivery.payload(), 1, delivery.payload().length - 1);
        int messageId = content == null || content.length < 12 ? -1 : Jt808Answer.word(content, 0);
        int reportSerial = content == null || content.length < 12 ? -1 : Jt808Answer.word(content, 10);
        write(delivery.payload());
        while (true) {
            Jt808Answer answer = answers.next(deadlineNanos);
            if (answer == null) {
                return null;
            }
            if (answer.messageId() == Jt808Answer.GENERAL_RESPONSE && answer.answeredSerial() == reportSerial
                && answer.answeredId() == messageId) {
                return switch (answer.result()) {
                    case 0 -> Outcome.ACCEPTED;
                    case 1 -> throw new ProtocolException("terminal " + terminal + " not authenticated");
                    default -> Outcome.REFUSED;
                };
            }
        }
    }

    /** The answer to a login message, within the answer timeout; a missing one breaks the connection. */
    private Jt808Answer await(int answerId, int answeredId, int number) throws IOException {
        long deadline = System.nanoTime() + settings.answerTimeout().toNanos();
        while (true) {
            Jt808Answer answer = answers.next(deadline);
            if (answer == null) {
                throw new ProtocolException("terminal " + terminal + ": no answer to " + Integer.toHexString(
                    answeredId < 0 ? Jt808Encoder.REGISTRATION : answeredId) + " in " + settings.answerTimeout());
            }
            if (answer.messageId() == answerId && answer.answeredSerial() == number
                && (answeredId < 0 || answer.answeredId() == answeredId)) {
                return answer;
            }
        }
    }

    private int nextSerial() {
        serial = (serial + 1) & 0xFFFF;
        return serial;
    }
}
