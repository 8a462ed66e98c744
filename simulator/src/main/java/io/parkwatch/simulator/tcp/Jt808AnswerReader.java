package io.parkwatch.simulator.tcp;

import java.io.IOException;
import java.net.Socket;

/**
 * JT/T 808 answers in the stream: the bytes between two 0x7E flags. Bytes before a flag are
 * skipped; a run between flags that is not a frame is dropped and its closing flag taken as the
 * next frame's opening one, as a terminal does after a bit error.
 */
final class Jt808AnswerReader extends AnswerReader<Jt808Answer> {

    private static final int FLAG = 0x7E;

    Jt808AnswerReader(Socket socket) throws IOException {
        super(socket);
    }

    @Override
    protected Jt808Answer extract() {
        while (true) {
            int open = indexOfFlag(0);
            if (open < 0) {
                consume(length);
                return null;
            }
            consume(open);
            int close = indexOfFlag(1);
            if (close < 0) {
                return null;
            }
            Jt808Answer answer = close > 1 ? Jt808Answer.parse(buffer, 1, close) : null;
            consume(answer != null ? close + 1 : close);
            if (answer != null) {
                return answer;
            }
        }
    }

    private int indexOfFlag(int from) {
        for (int i = from; i < length; i++) {
            if ((buffer[i] & 0xFF) == FLAG) {
                return i;
            }
        }
        return -1;
    }
}
