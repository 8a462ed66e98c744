package io.parkwatch.cli.demo;

import io.parkwatch.infra.mqtt.MqttBroker;
import io.parkwatch.simulator.mqtt.SenderCredentials;
import io.parkwatch.transport.tls.TlsMaterial;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The demo's broker as its own clients reach it: over TLS, each login with its certificate, when the
 * demo runs with {@code --tls} ({@code tls} not null); over plain TCP otherwise.
 */
record DemoMqtt(MqttBroker broker, DemoTls tls) {

    /** Where the gateway and the simulator connect. */
    String clientUri() {
        return tls == null ? broker.uri() : broker.tlsUri().orElseThrow();
    }

    /** What {@code login}'s client trusts and presents; null over plain TCP. */
    TlsMaterial client(String login) {
        if (tls == null) {
            return null;
        }
        try {
            return tls.client(login);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo's TLS files: " + e.getMessage(), e);
        }
    }

    SenderCredentials sender(DemoCredentials credentials, String login) {
        return new SenderCredentials(login, credentials.password(login), client(login));
    }

    /** The TLS endpoint to print; null without {@code --tls}. */
    DemoEndpoints.Tls tlsEndpoint() {
        return tls == null ? null : new DemoEndpoints.Tls(broker.tlsUri().orElseThrow(), tls.ca(), tls.clients());
    }
}
