package io.parkwatch.bench.stages;

import io.parkwatch.bench.BenchLoad;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.infra.mqtt.MqttAccount;
import io.parkwatch.infra.mqtt.ParkAccounts;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The alerts benchmark's load: publisher {@code p} is enterprise {@code e<p>} with its own gas
 * detectors. Each detector's every {@value #EVERY}th reading is over the combustible-gas
 * critical trigger (50 %LEL), the others far under its clear (20 %LEL): each exceeding reading
 * after a normal one opens a new alert. A message carries {@code readingsPerMessage} readings
 * of its detector (a JSON array when more than one), as a data logger pushes its values per
 * cycle; every reading's {@code ts} is the send time, so latency stays per reading.
 */
final class GasDetectorLoad {

    static final String PARK = "benchpark";
    static final String GATEWAY_USER = "bench-gateway";
    static final String RULE = "combustible-gas";
    static final int EVERY = 10;

    private final int publishers;
    private final int pointsPerPublisher;
    private final int readingsPerMessage;
    private final char[] password = randomPassword();

    GasDetectorLoad(int publishers, int pointsPerPublisher, int readingsPerMessage) {
        if (publishers < 1 || pointsPerPublisher < 1) {
            throw new IllegalArgumentException("--publishers and --points-per-publisher must be >= 1");
        }
        if (readingsPerMessage < 1 || readingsPerMessage > BenchLoad.MAX_READINGS_PER_MESSAGE) {
            throw new IllegalArgumentException("--readings-per-message must be 1.." + BenchLoad.MAX_READINGS_PER_MESSAGE
                + ": " + readingsPerMessage);
        }
        this.publishers = publishers;
        this.pointsPerPublisher = pointsPerPublisher;
        this.readingsPerMessage = readingsPerMessage;
    }

    int readingsPerMessage() {
        return readingsPerMessage;
    }

    int publishers() {
        return publishers;
    }

    char[] password() {
        return password.clone();
    }

    List<PointEntry> points() {
        List<PointEntry> points = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            for (int n = 0; n < pointsPerPublisher; n++) {
                points.add(new PointEntry(PARK, enterprise(p), point(n), Module.SAFETY, "gas-detector",
                    Duration.ofSeconds(1), null, null));
            }
        }
        return points;
    }

    List<MqttAccount> accounts() {
        List<MqttAccount> accounts = new ArrayList<>();
        accounts.add(ParkAccounts.gateway(GATEWAY_USER, password));
        for (int p = 0; p < publishers; p++) {
            accounts.add(ParkAccounts.enterprise(username(p), password, PARK, enterprise(p)));
        }
        return accounts;
    }

    String username(int publisher) {
        return PARK + "." + enterprise(publisher);
    }

    /** Message {@code k} of a publisher goes to detector {@code k mod points}. */
    String topic(int publisher, long k) {
        return "parks/" + PARK + "/enterprises/" + enterprise(publisher) + "/points/" + point((int) (k % pointsPerPublisher));
    }

    /**
     * {@code messages} rounded up so that every detector receives a multiple of {@value #EVERY}
     * readings: its last reading is a normal one, no alert is left open.
     */
    long wholeRounds(long messages) {
        long round = (long) pointsPerPublisher * (EVERY / gcd(EVERY, readingsPerMessage));
        return (messages + round - 1) / round * round;
    }

    /** Whether reading {@code i} of message {@code k} of a publisher is over the trigger. */
    boolean exceeds(long k, int i) {
        long detectorReading = (k / pointsPerPublisher) * readingsPerMessage + i;
        return detectorReading % EVERY == 0;
    }

    /** The JSON reading(s); {@code ts} is the send time, which an alert keeps as its first-seen instant. */
    byte[] payload(String run, int publisher, long k, long sentMillis) {
        if (readingsPerMessage == 1) {
            return reading(run, publisher, k, 0, sentMillis).getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder array = new StringBuilder(readingsPerMessage * 90).append('[');
        for (int i = 0; i < readingsPerMessage; i++) {
            array.append(i == 0 ? "" : ",").append(reading(run, publisher, k, i, sentMillis));
        }
        return array.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private String reading(String run, int publisher, long k, int i, long sentMillis) {
        double value = exceeds(k, i) ? 60.0 : 5.0;
        return "{\"metric\":\"lel\",\"value\":" + value + ",\"unit\":\"%LEL\",\"ts\":" + sentMillis + ",\"id\":\""
            + run + "-" + publisher + "-" + k + "-" + i + "\"}";
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static String enterprise(int publisher) {
        return String.format("e%03d", publisher);
    }

    private static String point(int n) {
        return String.format("gas%04d", n);
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }
}
