package io.parkwatch.console.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a request it cannot parse, headers too large, a failure no handler
 * caught) as parkwatch's JSON error, {@code {"error": code, "message": text}}, never HTML. The text
 * is fixed per status: Jetty's reason may carry an exception's message.
 */
final class JsonErrorHandler extends ErrorHandler {

    static final String JSON = "application/json; charset=utf-8";

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body(status)), callback);
        return true;
    }

    /** A request refused while being parsed, before Jetty made a request of it. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JSON);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return ByteBuffer.wrap(body(status));
    }

    static byte[] body(int status) {
        return switch (status) {
            case 400 -> body("bad_request", "the request is not valid HTTP: its request line, URI or a header");
            case 404 -> body("not_found", "no such path");
            case 405 -> body("method_not_allowed", "the method is not served here");
            case 413 -> body("payload_too_large", "the request body is too large");
            case 414 -> body("uri_too_long", "the request URI is longer than "
                + HttpServers.MAX_REQUEST_HEAD_BYTES + " bytes");
            case 431 -> body("headers_too_large", "the request headers are larger than "
                + HttpServers.MAX_REQUEST_HEAD_BYTES + " bytes");
            case 505 -> body("http_version_not_supported", "only HTTP/1.0 and HTTP/1.1 are served");
            default -> status < 500 ? body("bad_request", "the request was refused (HTTP " + status + ")")
                : body("internal_error", "the server failed to answer; see its log");
        };
    }

    /** Both texts are fixed above: nothing to escape. */
    static byte[] body(String error, String message) {
        return ("{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
