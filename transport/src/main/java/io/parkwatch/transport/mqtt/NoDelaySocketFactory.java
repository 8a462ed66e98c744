package io.parkwatch.transport.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets for every Paho client of parkwatch, with two changes Paho 1.2.5 needs:
 * <ul>
 *   <li>TCP_NODELAY: Paho leaves Nagle's algorithm on, so a subscriber's small PUBACKs wait for
 *   the broker's delayed ACK (40 ms on Linux) whenever the broker pauses sending, as HiveMQ does
 *   between in-flight windows.</li>
 *   <li>A buffered input stream: Paho reads each packet's first byte, then its length one byte at
 *   a time, then its body, straight from the socket, so every received packet cost three or more
 *   {@code read} system calls. Buffered, one call takes in whatever packets have arrived. (Paho
 *   buffers the output side itself and flushes once per packet.)</li>
 * </ul>
 */
public final class NoDelaySocketFactory extends SocketFactory {

    /** Holds several PUBLISHes or a burst of PUBACKs; larger packets are read through it. */
    static final int INPUT_BUFFER_BYTES = 64 * 1024;

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = new BufferedInputSocket();
        socket.setTcpNoDelay(true);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        try {
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** A socket whose input stream is buffered, the same stream on every call. */
    private static final class BufferedInputSocket extends Socket {

        private InputStream input;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new BufferedInputStream(super.getInputStream(), INPUT_BUFFER_BYTES);
            }
            return input;
        }
    }
}
