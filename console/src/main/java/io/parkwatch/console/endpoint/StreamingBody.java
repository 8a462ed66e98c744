package io.parkwatch.console.endpoint;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A 200 response body sent with chunked transfer encoding. The status line goes out with the
 * first bytes that reach it, so a failure noticed before then can still answer with an error
 * status; after it, the format has to say so in the body.
 */
public final class StreamingBody extends OutputStream {

    private final HttpExchange exchange;
    private final String contentType;
    private OutputStream out;

    public StreamingBody(HttpExchange exchange, String contentType) {
        this.exchange = exchange;
        this.contentType = contentType;
    }

    public boolean started() {
        return out != null;
    }

    private OutputStream out() throws IOException {
        if (out == null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            out = exchange.getResponseBody();
        }
        return out;
    }

    @Override
    public void write(int b) throws IOException {
        out().write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out().write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        out().flush();
    }

    @Override
    public void close() throws IOException {
        out().close();
    }
}
