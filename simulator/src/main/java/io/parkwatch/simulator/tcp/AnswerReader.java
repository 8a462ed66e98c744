package io.parkwatch.simulator.tcp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * The platform's answers on one connection, found in the byte stream whatever the reads split:
 * bytes read are kept here between calls, so a timeout in the middle of an answer loses nothing.
 *
 * @param <A> an answer as the protocol reads it
 */
abstract class AnswerReader<A> {

    private final Socket socket;
    private final InputStream in;
    protected byte[] buffer = new byte[4096];
    protected int length;

    AnswerReader(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** The next answer, or null when none is whole by {@code deadlineNanos}; EOF when the platform closed. */
    final A next(long deadlineNanos) throws IOException {
        while (true) {
            A answer = extract();
            if (answer != null) {
                return answer;
            }
            long leftMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                return null;
            }
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMillis));
            int read;
            try {
                read = in.read(buffer, length, buffer.length - length);
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (read < 0) {
                throw new EOFException("the gateway closed the connection");
            }
            length += read;
        }
    }

    /** Takes the first whole answer out of the buffer, dropping what cannot start one; null if none is whole yet. */
    protected abstract A extract();

    /** Drops the first {@code count} bytes of the buffer. */
    protected final void consume(int count) {
        System.arraycopy(buffer, count, buffer, 0, length - count);
        length -= count;
    }
}
