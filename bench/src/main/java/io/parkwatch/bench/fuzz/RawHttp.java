package io.parkwatch.bench.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket: the request line and headers exactly as given (no client
 * normalises a path, refuses an invalid escape or a method), the answer read to its end.
 */
final class RawHttp {

    /** Status of an answer that did not end in time: an event stream the request opened. */
    static final int STREAMING = -1;
    private static final int TIMEOUT_MILLIS = 5_000;
    private static final int MAX_BODY = 1 << 20;

    private RawHttp() {
    }

    /** An answer: its status, content type, and the start of its body. */
    record Answer(int status, String contentType, String body) {
    }

    static Answer send(int port, String method, String target, String authorization, byte[] body, String contentType)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
            if (authorization != null) {
                head.append("Authorization: ").append(authorization).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length)
                    .append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before reading a huge body; its answer is still readable.
            }
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0 && all.size() < MAX_BODY) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            return new Answer(STREAMING, "", all.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (all.size() == 0) {
                throw e;
            }
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            throw new IOException("not an HTTP answer: " + text.substring(0, Math.min(80, text.length())));
        }
        int status = Integer.parseInt(text.substring(9, 12));
        String type = "";
        for (String line : text.substring(0, end).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                type = line.substring(13).trim();
            }
        }
        return new Answer(status, type, text.substring(end + 4));
    }
}
