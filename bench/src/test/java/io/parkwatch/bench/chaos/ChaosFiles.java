package io.parkwatch.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkwatch.infra.mqtt.MqttAccount;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/** The run's secret files (the console's API tokens, HiveMQ's logins) and an operator's acknowledgement through the console. */
final class ChaosFiles {

    private static final String OPERATOR_SECRET = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private static final String BEARER = "Bearer " + OPERATOR_SECRET;

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
     * Whether an operator's acknowledgement of {@code alertId} through the console comes back on the
     * console's board: console → alert-commands topic → alerts application → alerts topic → the
     * console's alert feed. After the kills, that proves the feed reads again (an open alert repeating
     * is UPDATED only every 15 minutes, so its last-seen proves nothing). Waits up to {@code patience}.
     */
    static boolean consoleAcknowledges(String console, String alertId, Duration patience) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        String path = console + "/api/v1/alerts/" + URLEncoder.encode(alertId, StandardCharsets.UTF_8) + "/ack";
        long deadline = System.nanoTime() + patience.toNanos();
        boolean sent = false;
        while (System.nanoTime() < deadline) {
            try {
                if (!sent) {
                    sent = http.send(HttpRequest.newBuilder(URI.create(path)).header("Authorization", BEARER)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"chaos run\"}")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() / 100 == 2;
                }
                HttpResponse<String> board = http.send(HttpRequest.newBuilder(URI.create(console + "/api/v1/alerts"))
                    .header("Authorization", BEARER).GET().build(), HttpResponse.BodyHandlers.ofString());
                for (JsonNode alert : json.readTree(board.body()).path("alerts")) {
                    if (alertId.equals(alert.path("alertId").asText())
                        && "acknowledged".equals(alert.path("state").asText())) {
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
