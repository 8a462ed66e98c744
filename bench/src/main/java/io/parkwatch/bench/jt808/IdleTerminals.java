package io.parkwatch.bench.jt808;

import io.parkwatch.simulator.wire.Jt808Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The terminals of {@code bench jt808-idle}, in a JVM of their own (the listener's process then
 * holds only the server side of each connection, and each process stays within its file limit):
 * opens N connections, registers and authenticates each terminal, prints {@value #READY}, and
 * holds the connections open until its standard input closes.
 */
public final class IdleTerminals {

    static final String READY = "terminals ready";

    private IdleTerminals() {
    }

    /** Arguments: host, port, terminal count. */
    public static void main(String[] args) throws IOException {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        List<Socket> sockets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket(host, port);
            socket.setSoTimeout(30_000);
            String terminal = terminal(i);
            socket.getOutputStream().write(Jt808Encoder.frame(0x0100, terminal, 1, new byte[0]));
            byte[] registered = answer(socket.getInputStream());
            // 0x8100 body after the 12-byte header: answer serial WORD, result BYTE, then the code.
            if (registered[14] != 0) {
                throw new IllegalStateException("terminal " + terminal + " refused at registration: result " + registered[14]);
            }
            byte[] code = Arrays.copyOfRange(registered, 15, registered.length - 1);
            socket.getOutputStream().write(Jt808Encoder.frame(0x0102, terminal, 2, code));
            byte[] authenticated = answer(socket.getInputStream());
            if (authenticated[16] != 0) {
                throw new IllegalStateException("terminal " + terminal + " refused at authentication: result "
                    + authenticated[16] + " for code " + new String(code, StandardCharsets.US_ASCII));
            }
            sockets.add(socket);
        }
        System.out.println(READY + " " + sockets.size());
        System.out.flush();
        while (System.in.read() >= 0) {
            // Holds the connections until the bench closes this process's input.
        }
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    /** The bench's terminal numbers: 12 digits, 0139 then the index. */
    static String terminal(int index) {
        return String.format("0139%08d", index);
    }

    /** One answer frame, unescaped, without its flags (header, body, check code). */
    private static byte[] answer(InputStream in) throws IOException {
        int b = in.read();
        while (b != 0x7E) {
            if (b < 0) {
                throw new IOException("the listener closed the connection");
            }
            b = in.read();
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream(64);
        for (b = in.read(); b != 0x7E; b = in.read()) {
            if (b < 0) {
                throw new IOException("the listener closed the connection inside a frame");
            }
            content.write(b == 0x7D ? (in.read() == 0x01 ? 0x7D : 0x7E) : b);
        }
        return content.toByteArray();
    }
}
