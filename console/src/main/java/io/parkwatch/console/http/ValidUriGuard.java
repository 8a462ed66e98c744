package io.parkwatch.console.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses, with a JSON 400, a request whose URI Jetty accepted but {@code java.net.URI} does not
 * ({@code ?x=%}, {@code ?x=%zz}): the handlers read it through {@code HttpExchange.getRequestURI()},
 * which would fail there and turn the caller's mistake into a 500.
 */
final class ValidUriGuard extends Handler.Wrapper {

    private static final byte[] INVALID_URI = JsonErrorHandler.body("bad_request", "the request URI is not valid");

    ValidUriGuard(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        try {
            request.getHttpURI().toURI();
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, JsonErrorHandler.JSON);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, ByteBuffer.wrap(INVALID_URI), callback);
            return true;
        }
        return super.handle(request, response, callback);
    }
}
