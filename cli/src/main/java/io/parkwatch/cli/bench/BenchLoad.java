package io.parkwatch.cli.bench;

import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.infra.mqtt.MqttAccount;
import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.simulator.park.SampleParks;
import io.parkwatch.simulator.park.SimulatedPark;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The load of a gateway benchmark or crash test: publisher {@code p} is enterprise {@code e00p+1}
 * of the sample Xilinhot park (the park {@code parkwatch ingest} registers by default) and sends
 * JSON readings of its electricity meter, each with a message id that names its run and number.
 */
public final class BenchLoad {

    /** The login the gateway uses; {@code parkwatch ingest}'s default {@code --mqtt-user}. */
    public static final String GATEWAY_USER = "parkwatch-gateway";
    /** Firms of the sample park, as {@code parkwatch ingest} plays it by default. */
    public static final int PARK_ENTERPRISES = 40;
    public static final long PARK_SEED = 2025;
    private static final String POINT = "elec-01";

    private final SimulatedPark park = SampleParks.xilinhot(PARK_ENTERPRISES, PARK_SEED);
    private final int publishers;
    private final char[] password = randomPassword();

    public BenchLoad(int publishers) {
        if (publishers < 1 || publishers > PARK_ENTERPRISES) {
            throw new IllegalArgumentException("--publishers must be 1.." + PARK_ENTERPRISES + ": " + publishers);
        }
        this.publishers = publishers;
    }

    public int publishers() {
        return publishers;
    }

    public List<PointEntry> registeredPoints() {
        return park.registeredPoints();
    }

    /** One password for every login of this run; random, so nothing is committed or reused. */
    public char[] password() {
        return password.clone();
    }

    /** The gateway's account and one enterprise account per publisher. */
    public List<MqttAccount> accounts() {
        List<MqttAccount> accounts = new ArrayList<>();
        accounts.add(ParkAccounts.gateway(GATEWAY_USER, password));
        for (int p = 0; p < publishers; p++) {
            accounts.add(ParkAccounts.enterprise(username(p), password, park.id(), enterprise(p)));
        }
        return accounts;
    }

    public String username(int publisher) {
        return park.id() + "." + enterprise(publisher);
    }

    public String topic(int publisher) {
        return "parks/" + park.id() + "/enterprises/" + enterprise(publisher) + "/points/" + POINT;
    }

    /** The message id of message {@code number} of a run; unique across runs by {@code run}. */
    public static String messageId(String run, long number) {
        return run + "-" + number;
    }

    /** What publisher sends as message {@code number}: a JSON reading, as enterprises do. */
    public static byte[] payload(String run, long number, Instant observedAt) {
        return ("{\"metric\":\"active_power\",\"value\":" + value(number) + ",\"unit\":\"kW\",\"ts\":"
            + observedAt.toEpochMilli() + ",\"id\":\"" + messageId(run, number) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    }

    /** The reading the gateway makes of that payload: what a raw producer sends as the baseline. */
    public Reading reading(int publisher, String run, long number, Instant observedAt, Instant receivedAt) {
        return new Reading(messageId(run, number), park.id(), enterprise(publisher), POINT, Domain.ENERGY,
            "active_power", value(number), null, "kW", observedAt, receivedAt, Quality.N, SourceFormat.JSON);
    }

    private static double value(long number) {
        return 100 + number % 400;
    }

    private static String enterprise(int publisher) {
        return String.format("e%03d", publisher + 1);
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }
}
