package io.parkwatch.sink.influx;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Username and password for InfluxDB's v1 API, sent as HTTP Basic auth. On 2.x (v1
 * compatibility API) and 3.x the password is an API token.
 */
public record BasicCredentials(String username, String password) {

    public BasicCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    String authorizationHeader() {
        String pair = username + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    // Keeps the password out of logs and exception messages.
    @Override
    public String toString() {
        return "BasicCredentials[username=" + username + ", password=***]";
    }
}
