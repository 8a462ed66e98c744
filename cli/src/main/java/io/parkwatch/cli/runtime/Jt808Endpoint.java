package io.parkwatch.cli.runtime;

import io.parkwatch.ingest.jt808.tcp.AuthenticationCodes;
import io.parkwatch.ingest.jt808.tcp.Jt808TcpSettings;
import java.util.Objects;

/**
 * Where the gateway takes JT/T 808 terminals over TCP, and the secret its authentication codes
 * derive from (checked here, so that a short one fails at start-up).
 */
public record Jt808Endpoint(Jt808TcpSettings settings, AuthenticationCodes codes) {

    public Jt808Endpoint {
        Objects.requireNonNull(settings, "settings are required");
        Objects.requireNonNull(codes, "codes are required");
    }

    public static Jt808Endpoint of(Jt808TcpSettings settings, String secret) {
        return new Jt808Endpoint(settings, new AuthenticationCodes(secret));
    }
}
