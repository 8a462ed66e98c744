package io.parkwatch.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.infra.mqtt.MqttAccount;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** The run's secret files (the console's API tokens, HiveMQ's logins) and the console's alert board as an operator sees it. */
final class ChaosFiles {

    private static final String OPERATOR_SECRET = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));

    private ChaosFiles() {
    }

    static Path apiTokens(Path work) throws IOException {
        return writePrivate(work.resolve("api-tokens.properties"), "operator=operator:" + OPERATOR_SECRET + "\n");
    }

    /** {@code username=password} lines, as {@code HiveMqNodeMain} reads them. */
    static Path logins(Path work, List<MqttAccount> accounts, char[] password) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (MqttAccount account : accounts) {
            lines.append(account.username()).append('=').append(password).append('\n');
        }
        return writePrivate(work.resolve("logins.properties"), lines.toString());
    }

    /**
     * Whether the console's {@code GET /api/v1/alerts} lists the detector's alert open, last seen after
     * {@code afterMillis}: its alert feed reads again after the kills. Waits up to {@code patience}.
     */
    static boolean consoleShowsOpen(String console, AlertLedger alerts, PointEntry detector, long afterMillis,
                                    Duration patience) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(console + "/api/v1/alerts"))
                    .header("Authorization", "Bearer " + OPERATOR_SECRET).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
                for (JsonNode alert : json.readTree(answer.body()).path("alerts")) {
                    if (detector.pointKey().equals(alert.path("pointKey").asText())
                        && GasAlertDriver.RULE.equals(alert.path("ruleId").asText())
                        && "open".equals(alert.path("state").asText())
                        && Instant.parse(alert.path("lastSeen").asText()).toEpochMilli() > afterMillis) {
                        return true;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // The console is still coming back; ask again.
            }
            Thread.sleep(1_000);
        }
        return false;
    }

    private static Path writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.writeString(file, content);
    }
}
