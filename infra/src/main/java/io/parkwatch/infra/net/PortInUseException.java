package io.parkwatch.infra.net;

/** A configured port is taken; the message names the flag that chooses another one. */
public final class PortInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int port;
    private final String flag;

    public PortInUseException(String host, int port, String flag) {
        super("port " + port + " on " + host + " is already in use; choose another with " + flag);
        this.port = port;
        this.flag = flag;
    }

    public int port() {
        return port;
    }

    public String flag() {
        return flag;
    }
}
