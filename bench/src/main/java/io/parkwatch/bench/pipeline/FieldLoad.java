package io.parkwatch.bench.pipeline;

import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.infra.mqtt.MqttAccount;
import io.parkwatch.infra.mqtt.ParkAccounts;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The benchmark's park: {@code enterprises} firms, each with electricity meters and gas detectors
 * sending JSON arrays and CEMS stacks behind HJ 212 loggers, and a fleet of vehicles sending JT/T
 * 808 location reports. Shares of the readings: {@value #JSON_SHARE} JSON, {@value #HJ212_SHARE}
 * HJ 212, the rest JT/T 808. Devices are many enough that none sends twice in a second at the
 * highest rate, so every reading is its own InfluxDB point (series and second-resolution time).
 */
final class FieldLoad {

    static final String PARK = "benchpark";
    static final String GATEWAY_USER = "bench-pipeline-gateway";
    static final double JSON_SHARE = 0.5;
    static final double HJ212_SHARE = 0.35;
    /** A JT/T 808 location report with its mileage item makes two readings. */
    static final int FRAME_READINGS = 2;
    static final int FLEET_LANES = 2;

    private final int enterprises;
    private final int readingsPerMessage;
    private final int metersPerEnterprise;
    private final int gasPerEnterprise;
    private final int stacksPerEnterprise;
    private final int vehiclesPerLane;
    private final char[] password = randomPassword();

    /** Sized for {@code peakRate} readings/s: every HJ 212 logger and terminal at most every 2 s. */
    FieldLoad(int enterprises, int readingsPerMessage, double peakRate) {
        this.enterprises = enterprises;
        this.readingsPerMessage = readingsPerMessage;
        double jsonPerLane = peakRate * JSON_SHARE / readingsPerMessage / enterprises;
        this.metersPerEnterprise = devices(jsonPerLane * 0.5);
        this.gasPerEnterprise = devices(jsonPerLane / JsonSource.GAS_EVERY);
        this.stacksPerEnterprise = devices(2 * peakRate * HJ212_SHARE / readingsPerMessage / enterprises);
        this.vehiclesPerLane = devices(2 * peakRate * jt808Share() / FRAME_READINGS / FLEET_LANES);
    }

    private static int devices(double atLeast) {
        return Math.max(20, (int) Math.ceil(atLeast) + 1);
    }

    static double jt808Share() {
        return 1 - JSON_SHARE - HJ212_SHARE;
    }

    int enterprises() {
        return enterprises;
    }

    int readingsPerMessage() {
        return readingsPerMessage;
    }

    char[] password() {
        return password.clone();
    }

    static String enterprise(int e) {
        return String.format("e%03d", e);
    }

    static String login(int e) {
        return PARK + "." + enterprise(e);
    }

    static String fleetLogin() {
        return PARK + "." + PointEntry.FLEET;
    }

    static String mn(int e, int stack) {
        return String.format("BENCH%03d%06d", e, stack);
    }

    /** Twelve digits; the lane and the vehicle make it unique. */
    static String terminal(int lane, int vehicle) {
        return String.format("01%02d%08d", lane, vehicle);
    }

    static String vehicle(int lane, int vehicle) {
        return String.format("v%02d-%05d", lane, vehicle);
    }

    JsonSource json(int e) {
        return new JsonSource(e, enterprises, metersPerEnterprise, gasPerEnterprise, readingsPerMessage);
    }

    Hj212Source hj212(int e) {
        return new Hj212Source(e, enterprises, stacksPerEnterprise, readingsPerMessage);
    }

    Jt808Source jt808(int lane) {
        return new Jt808Source(lane, vehiclesPerLane);
    }

    /** The bit a reading occupies in its format's tally; -1 for a reading that is not this load's. */
    long key(String park, String sourceFormat, String messageId) {
        if (!PARK.equals(park)) {
            return -1;
        }
        return switch (sourceFormat) {
            case "JSON" -> JsonSource.key(messageId, enterprises, readingsPerMessage);
            case "HJ212" -> Hj212Source.key(messageId, readingsPerMessage);
            case "JT808" -> Jt808Source.key(messageId, vehiclesPerLane);
            default -> -1;
        };
    }

    /** The format of one of this load's message ids, by its shape. */
    static String formatOf(String messageId) {
        if (messageId.startsWith("j")) {
            return "JSON";
        }
        return messageId.startsWith("BENCH") ? "HJ212" : "JT808";
    }

    Registry registry() {
        List<EnterpriseEntry> firms = new ArrayList<>();
        List<PointEntry> points = new ArrayList<>();
        for (int e = 0; e < enterprises; e++) {
            firms.add(new EnterpriseEntry(PARK, enterprise(e), "基准测试XX企业" + e, Set.of()));
            for (int n = 0; n < metersPerEnterprise; n++) {
                points.add(new PointEntry(PARK, enterprise(e), JsonSource.meter(n), Module.ENERGY, "electricity-meter",
                    Duration.ofSeconds(15), null, null));
            }
            for (int n = 0; n < gasPerEnterprise; n++) {
                points.add(new PointEntry(PARK, enterprise(e), JsonSource.detector(n), Module.SAFETY, "gas-detector",
                    Duration.ofSeconds(15), null, null));
            }
            for (int n = 0; n < stacksPerEnterprise; n++) {
                points.add(new PointEntry(PARK, enterprise(e), Hj212Source.stack(n), Module.ENVIRONMENT, "cems-stack",
                    Duration.ofSeconds(30), mn(e, n), null));
            }
        }
        for (int lane = 0; lane < FLEET_LANES; lane++) {
            for (int v = 0; v < vehiclesPerLane; v++) {
                points.add(new PointEntry(PARK, PointEntry.FLEET, vehicle(lane, v), Module.LOGISTICS, "park-vehicle",
                    Duration.ofSeconds(30), null, terminal(lane, v)));
            }
        }
        return new Registry(List.of(new ParkEntry(PARK, "基准测试园区")), firms, points);
    }

    /** The gateway's login, one per enterprise (its meters and its logger) and the fleet's. */
    List<MqttAccount> accounts() {
        List<MqttAccount> accounts = new ArrayList<>();
        accounts.add(ParkAccounts.gateway(GATEWAY_USER, password));
        for (int e = 0; e < enterprises; e++) {
            accounts.add(ParkAccounts.enterprise(login(e), password, PARK, enterprise(e)));
        }
        accounts.add(ParkAccounts.fleet(fleetLogin(), password, PARK));
        return accounts;
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }
}
