package io.parkwatch.simulator.tcp;

import io.parkwatch.simulator.wire.Hj212Encoder;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HJ 212 answers in the stream: {@code ##}, a four-digit length, the data segment, four CRC
 * digits and a line end. Bytes before {@code ##}, a length that is not four digits and a packet
 * whose CRC does not check are skipped: a logger ignores what it cannot read and sends again.
 */
final class Hj212AnswerReader extends AnswerReader<Hj212Answer> {

    private static final int MAX_SEGMENT = 1024;

    Hj212AnswerReader(Socket socket) throws IOException {
        super(socket);
    }

    @Override
    protected Hj212Answer extract() {
        while (true) {
            int start = indexOfStart();
            if (start < 0) {
                consume(Math.max(0, length - 1));
                return null;
            }
            consume(start);
            if (length < 6) {
                return null;
            }
            int segmentLength = digits(2, 4);
            if (segmentLength < 0 || segmentLength > MAX_SEGMENT) {
                consume(2);
                continue;
            }
            int end = 6 + segmentLength + 4;
            if (length < end) {
                return null;
            }
            String segment = new String(buffer, 6, segmentLength, StandardCharsets.US_ASCII);
            String crc = new String(buffer, 6 + segmentLength, 4, StandardCharsets.US_ASCII);
            while (end < length && (buffer[end] == '\r' || buffer[end] == '\n')) {
                end++;
            }
            consume(end);
            Hj212Answer answer = crc.equalsIgnoreCase(Hj212Encoder.crcHex(segment)) ? Hj212Answer.parse(segment) : null;
            if (answer != null) {
                return answer;
            }
        }
    }

    private int indexOfStart() {
        for (int i = 0; i + 1 < length; i++) {
            if (buffer[i] == '#' && buffer[i + 1] == '#') {
                return i;
            }
        }
        return -1;
    }

    private int digits(int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            if (buffer[i] < '0' || buffer[i] > '9') {
                return -1;
            }
            value = value * 10 + buffer[i] - '0';
        }
        return value;
    }
}
