package io.parkwatch.transport.mqtt;

import io.parkwatch.transport.tls.TlsMaterial;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Locale;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * The socket factory for a Paho client by its server URI: {@code tcp://} gets {@link NoDelaySocketFactory};
 * {@code ssl://} gets TLS from the given material (or the JVM's default trust store without it), with
 * TCP_NODELAY for the same reason. Paho refuses an {@code ssl://} URI with a plain factory.
 */
public final class MqttSockets {

    private MqttSockets() {
    }

    /**
     * @param tls what to trust and present; null for plain TCP, or TLS with the JVM's defaults
     * @throws IllegalArgumentException for TLS material with a {@code tcp://} URI, or an unknown scheme
     */
    public static SocketFactory forUri(String serverUri, TlsMaterial tls) {
        String scheme = scheme(serverUri);
        if ("tcp".equals(scheme)) {
            if (tls != null) {
                throw new IllegalArgumentException("TLS files given for " + serverUri + ": use ssl://host:8883");
            }
            return new NoDelaySocketFactory();
        }
        if ("ssl".equals(scheme)) {
            return new NoDelayTlsSocketFactory(tls == null ? defaultContext() : tls.sslContext());
        }
        throw new IllegalArgumentException("MQTT URI must be tcp://host:port or ssl://host:port: " + serverUri);
    }

    /** Whether {@code serverUri} asks for TLS. */
    public static boolean isTls(String serverUri) {
        return "ssl".equals(scheme(serverUri));
    }

    private static String scheme(String serverUri) {
        try {
            String scheme = URI.create(serverUri).getScheme();
            return scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URI: " + serverUri, e);
        }
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no default TLS context", e);
        }
    }

    /** TLS sockets with TCP_NODELAY; Paho connects the unconnected socket and starts the handshake itself. */
    private static final class NoDelayTlsSocketFactory extends SSLSocketFactory {

        private final SSLSocketFactory delegate;

        NoDelayTlsSocketFactory(SSLContext context) {
            this.delegate = context.getSocketFactory();
        }

        private static Socket noDelay(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(delegate.createSocket());
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return noDelay(delegate.createSocket(socket, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
            return noDelay(delegate.createSocket(address, port, localAddress, localPort));
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }
    }
}
