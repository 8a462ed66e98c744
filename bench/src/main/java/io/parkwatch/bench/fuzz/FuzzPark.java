package io.parkwatch.bench.fuzz;

import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.infra.mqtt.MqttAccount;
import io.parkwatch.infra.mqtt.ParkAccounts;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The fuzz run's park: one enterprise with a JSON meter and an HJ 212 stack, and one vehicle. Its
 * id is the run's own, so the run's rejections are those whose source starts with {@link #root()}.
 */
public final class FuzzPark {

    static final String ENTERPRISE = "f01";
    static final String POINT = "m01";
    static final String STACK = "s01";
    static final String MN = "FUZZ0000000001";
    static final String VEHICLE = "v01";
    static final String TERMINAL = "013800000001";
    static final String GATEWAY_USER = "fuzz-gateway";

    private final String park;
    private final char[] password = randomPassword();

    public FuzzPark(String park) {
        this.park = park;
    }

    public String park() {
        return park;
    }

    /** The prefix of every topic this park's senders publish on. */
    public String root() {
        return "parks/" + park + "/";
    }

    String topic(FuzzFormat format) {
        return switch (format) {
            case JSON -> root() + "enterprises/" + ENTERPRISE + "/points/" + POINT;
            case HJ212 -> root() + "enterprises/" + ENTERPRISE + "/hj212";
            case JT808 -> root() + "vehicles/" + VEHICLE + "/jt808";
        };
    }

    String login(FuzzFormat format) {
        return park + "." + (format == FuzzFormat.JT808 ? PointEntry.FLEET : ENTERPRISE);
    }

    public char[] password() {
        return password.clone();
    }

    public List<PointEntry> points() {
        return List.of(
            new PointEntry(park, ENTERPRISE, POINT, Module.ENERGY, "electricity-meter", java.time.Duration.ofMinutes(1),
                null, null),
            new PointEntry(park, ENTERPRISE, STACK, Module.ENVIRONMENT, "cems-stack", java.time.Duration.ofMinutes(1),
                MN, null),
            new PointEntry(park, PointEntry.FLEET, VEHICLE, Module.LOGISTICS, "park-vehicle",
                java.time.Duration.ofMinutes(1), null, TERMINAL));
    }

    public Registry registry() {
        return new Registry(List.of(new ParkEntry(park, "fuzz park")),
            List.of(new EnterpriseEntry(park, ENTERPRISE, "fuzz enterprise", Set.of())), points());
    }

    /** The gateway's login and the two senders'. */
    public List<MqttAccount> accounts() {
        return List.of(ParkAccounts.gateway(GATEWAY_USER, password),
            ParkAccounts.enterprise(login(FuzzFormat.JSON), password, park, ENTERPRISE),
            ParkAccounts.fleet(login(FuzzFormat.JT808), password, park));
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }
}
