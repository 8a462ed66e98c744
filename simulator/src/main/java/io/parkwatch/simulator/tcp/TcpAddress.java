package io.parkwatch.simulator.tcp;

/** Where a listener of the gateway is, as {@code host:port}. */
public record TcpAddress(String host, int port) {

    public TcpAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
    }

    /** Reads {@code host:port}; {@code option} names the command-line option in the error. */
    public static TcpAddress parse(String text, String option) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException(option + " must be host:port, got " + text);
        }
        try {
            return new TcpAddress(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " must be host:port with a port 1..65535, got " + text, e);
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
