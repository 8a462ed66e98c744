package io.parkwatch.infra.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Loopback port checks shared by every launcher: tests ask for a free port, the CLI checks a
 * chosen one up front so that a busy port fails at once with the flag that sets it.
 */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** A port that was free on 127.0.0.1 a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port: " + e.getMessage(), e);
        }
    }

    /**
     * Fails with {@link PortInUseException} naming {@code flag} when {@code port} cannot be bound
     * on {@code host}. Port 0 means "any free port" and always passes.
     */
    public static void requireFree(String host, int port, String flag) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new PortInUseException(host, port, flag);
        }
    }
}
