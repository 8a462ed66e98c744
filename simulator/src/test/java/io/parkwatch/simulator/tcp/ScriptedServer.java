package io.parkwatch.simulator.tcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A platform played by the test, line by line: accepts, reads what the client sends, writes answers. */
final class ScriptedServer implements AutoCloseable {

    private final ServerSocket server;
    private Socket connection;

    ScriptedServer() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        server.setSoTimeout(10_000);
    }

    TcpAddress address() {
        return new TcpAddress("127.0.0.1", server.getLocalPort());
    }

    void accept() throws IOException {
        connection = server.accept();
        connection.setSoTimeout(10_000);
    }

    /** One HJ 212 packet as text, up to and including its CR LF. */
    String readPacket() throws IOException {
        InputStream in = connection.getInputStream();
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            packet.write(b);
            if (b == '\n') {
                break;
            }
        }
        return packet.toString(StandardCharsets.US_ASCII);
    }

    /** One JT/T 808 frame, flags and escapes as sent. */
    byte[] readFrame() throws IOException {
        InputStream in = connection.getInputStream();
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        int b = in.read();
        while (b != 0x7E) {
            b = in.read();
        }
        frame.write(b);
        for (b = in.read(); b != 0x7E; b = in.read()) {
            frame.write(b);
        }
        frame.write(b);
        return frame.toByteArray();
    }

    void write(byte[] bytes) throws IOException {
        connection.getOutputStream().write(bytes);
        connection.getOutputStream().flush();
    }

    void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.US_ASCII));
    }

    void hangUp() throws IOException {
        connection.close();
    }

    @Override
    public void close() throws IOException {
        if (connection != null) {
            connection.close();
        }
        server.close();
    }
}
