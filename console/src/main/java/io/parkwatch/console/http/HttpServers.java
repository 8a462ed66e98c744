package io.parkwatch.console.http;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import java.io.IOException;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http.spi.JettyHttpServer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * parkwatch's HTTP servers: the JDK's {@code com.sun.net.httpserver} API, so handlers stay plain
 * {@code HttpHandler}s, served by Jetty. The JDK's own server refuses a request line whose URI does
 * not parse with an HTML page naming {@code URISyntaxException}, before any handler runs and with no
 * hook to change it; here every refusal, Jetty's own included, answers a JSON error.
 */
public final class HttpServers {

    /** The request line and headers together; longer ones get a JSON 414 or 431. */
    static final int MAX_REQUEST_HEAD_BYTES = 32 * 1024;
    /**
     * Jetty's default URI rules, but an encoded {@code /} or {@code %} in a path segment is allowed:
     * alert ids are {@code park/enterprise/point|…}, sent percent-encoded as one segment.
     */
    private static final UriCompliance IDS_IN_PATHS = UriCompliance.DEFAULT.with("parkwatch",
        UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING);
    /** Jetty's acceptor and selector, and a spare, beside the threads that run handlers. */
    private static final int IO_THREADS = 3;

    private HttpServers() {
    }

    /**
     * An unstarted server bound to {@code address}: HTTPS with {@code tls} (its certificate and key),
     * plain HTTP when null. {@code handlerThreads} caps the requests handled at once, long-lived
     * responses included; {@code name} names the threads.
     */
    public static HttpServer create(InetSocketAddress address, SSLContext tls, int handlerThreads, String name)
            throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(handlerThreads + IO_THREADS, 2);
        threads.setName(name);
        // As the JDK's server did (stop(1)): open event streams hold a stop up for a second at most.
        threads.setStopTimeout(1000);
        Server jetty = new Server(threads);
        jetty.setStopTimeout(1000);
        jetty.setErrorHandler(new JsonErrorHandler());
        jetty.setHandler(new ValidUriGuard(new ContextHandlerCollection(true)));
        JettyHttpServer server = new JettyHttpServer(jetty, false);
        if (tls != null) {
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
        }
        // Jetty's bind sets the connector's host from getHostName(), a reverse lookup of a resolved
        // address (127.0.0.1 became "localhost", which may resolve to ::1); an unresolved literal is
        // passed through as it is.
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        server.bind(InetSocketAddress.createUnresolved(host, address.getPort()), 0);
        for (Connector connector : jetty.getConnectors()) {
            HttpConfiguration http = connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
            http.setSendServerVersion(false);
            http.setRequestHeaderSize(MAX_REQUEST_HEAD_BYTES);
            http.setUriCompliance(IDS_IN_PATHS);
        }
        return server;
    }
}
