package io.parkwatch.cli.bench.stages;

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
 * after a normal one opens a new alert.
 */
final class GasDetectorLoad {

    static final String PARK = "benchpark";
    static final String GATEWAY_USER = "bench-gateway";
    static final String RULE = "combustible-gas";
    static final int EVERY = 10;

    private final int publishers;
    private final int pointsPerPublisher;
    private final char[] password = randomPassword();

    GasDetectorLoad(int publishers, int pointsPerPublisher) {
        if (publishers < 1 || pointsPerPublisher < 1) {
            throw new IllegalArgumentException("--publishers and --points-per-publisher must be >= 1");
        }
        this.publishers = publishers;
        this.pointsPerPublisher = pointsPerPublisher;
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

    /** {@code count} rounded up so that every detector's last reading is a normal one: no alert left open. */
    long wholeRounds(long count) {
        long round = (long) pointsPerPublisher * EVERY;
        return (count + round - 1) / round * round;
    }

    /** Whether message {@code k} of a publisher is over the trigger. */
    boolean exceeds(long k) {
        return (k / pointsPerPublisher) % EVERY == 0;
    }

    /** The JSON reading; {@code ts} is the send time, which an alert keeps as its first-seen instant. */
    byte[] payload(String run, int publisher, long k, long sentMillis) {
        double value = exceeds(k) ? 60.0 : 5.0;
        return ("{\"metric\":\"lel\",\"value\":" + value + ",\"unit\":\"%LEL\",\"ts\":" + sentMillis + ",\"id\":\""
            + run + "-" + publisher + "-" + k + "\"}").getBytes(StandardCharsets.UTF_8);
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
