package io.parkwatch.bench;

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
 * With {@code readingsPerMessage} > 1 a message is a JSON array of that many readings, as a meter
 * or data logger sends its buffered values one second apart; reading {@code i} of message
 * {@code n} has the id {@code run-n-i}.
 */
public final class BenchLoad {

    /** The login the gateway uses; {@code parkwatch ingest}'s default {@code --mqtt-user}. */
    public static final String GATEWAY_USER = "parkwatch-gateway";
    /** Firms of the sample park, as {@code parkwatch ingest} plays it by default. */
    public static final int PARK_ENTERPRISES = 40;
    public static final long PARK_SEED = 2025;
    /** The contract allows arrays of any length; 400 of these readings stay within the gateway's 64 KiB cap. */
    public static final int MAX_READINGS_PER_MESSAGE = 400;
    private static final String POINT = "elec-01";

    private final SimulatedPark park = SampleParks.xilinhot(PARK_ENTERPRISES, PARK_SEED);
    private final int publishers;
    private final int readingsPerMessage;
    private final char[] password = randomPassword();
    private final String[] enterprises;

    /** One reading per message. */
    public BenchLoad(int publishers) {
        this(publishers, 1);
    }

    public BenchLoad(int publishers, int readingsPerMessage) {
        if (publishers < 1 || publishers > PARK_ENTERPRISES) {
            throw new IllegalArgumentException("--publishers must be 1.." + PARK_ENTERPRISES + ": " + publishers);
        }
        if (readingsPerMessage < 1 || readingsPerMessage > MAX_READINGS_PER_MESSAGE) {
            throw new IllegalArgumentException("--readings-per-message must be 1.." + MAX_READINGS_PER_MESSAGE + ": "
                + readingsPerMessage);
        }
        this.publishers = publishers;
        this.readingsPerMessage = readingsPerMessage;
        this.enterprises = new String[publishers];
        for (int p = 0; p < publishers; p++) {
            enterprises[p] = String.format("e%03d", p + 1);
        }
    }

    public int readingsPerMessage() {
        return readingsPerMessage;
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

    /**
     * What a publisher sends as message {@code number}: a JSON reading, as enterprises do, or an
     * array of {@link #readingsPerMessage()} of them, the last observed at {@code observedAt}.
     */
    public byte[] payload(String run, long number, Instant observedAt) {
        if (readingsPerMessage == 1) {
            return object(messageId(run, number), number, observedAt).getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder array = new StringBuilder(readingsPerMessage * 100).append('[');
        for (int i = 0; i < readingsPerMessage; i++) {
            array.append(i == 0 ? "" : ",").append(object(messageId(run, number) + "-" + i, number + i,
                observedAt(observedAt, i)));
        }
        return array.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The readings the gateway makes of that payload: what a raw producer sends as the baseline. */
    public List<Reading> readings(int publisher, String run, long number, Instant observedAt, Instant receivedAt) {
        if (readingsPerMessage == 1) {
            return List.of(reading(publisher, messageId(run, number), number, observedAt, receivedAt));
        }
        List<Reading> readings = new ArrayList<>(readingsPerMessage);
        for (int i = 0; i < readingsPerMessage; i++) {
            readings.add(reading(publisher, messageId(run, number) + "-" + i, number + i, observedAt(observedAt, i),
                receivedAt));
        }
        return readings;
    }

    private Instant observedAt(Instant last, int index) {
        return last.minusSeconds(readingsPerMessage - 1 - index);
    }

    private static String object(String id, long number, Instant observedAt) {
        return "{\"metric\":\"active_power\",\"value\":" + value(number) + ",\"unit\":\"kW\",\"ts\":"
            + observedAt.toEpochMilli() + ",\"id\":\"" + id + "\"}";
    }

    private Reading reading(int publisher, String id, long number, Instant observedAt, Instant receivedAt) {
        return Reading.builder().messageId(id).park(park.id()).enterprise(enterprise(publisher)).point(POINT)
            .domain(Domain.ENERGY).metric("active_power").value(value(number)).unit("kW").observedAt(observedAt)
            .receivedAt(receivedAt).quality(Quality.N).sourceFormat(SourceFormat.JSON).build();
    }

    private static double value(long number) {
        return 100 + number % 400;
    }

    /** Computed once per publisher: the raw producer's load asks for it per reading, and it is not what is measured. */
    private String enterprise(int publisher) {
        return enterprises[publisher];
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }
}
