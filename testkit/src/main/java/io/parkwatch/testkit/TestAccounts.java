package io.parkwatch.testkit;

import io.parkwatch.infra.mqtt.MqttAccount;
import io.parkwatch.infra.mqtt.ParkAccounts;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * MQTT logins of the test park {@value #PARK}: the gateway, two enterprises and the park's vehicle
 * platform ({@link #fleet()}). Passwords are random per test JVM, so none is committed.
 */
public final class TestAccounts {

    public static final String PARK = "testpark";
    public static final String GATEWAY = "gateway";
    public static final String ENTERPRISE_1 = "e1";
    public static final String ENTERPRISE_2 = "e2";
    /** The vehicle platform's login name suffix: {@code testpark.vehicles}, as in docs/running.md. */
    public static final String FLEET = "vehicles";

    private static final char[] GATEWAY_PASSWORD = randomPassword();
    private static final char[] E1_PASSWORD = randomPassword();
    private static final char[] E2_PASSWORD = randomPassword();
    private static final char[] FLEET_PASSWORD = randomPassword();

    private TestAccounts() {
    }

    public static List<MqttAccount> all() {
        return List.of(
            ParkAccounts.gateway(GATEWAY, GATEWAY_PASSWORD),
            ParkAccounts.enterprise(username(ENTERPRISE_1), E1_PASSWORD, PARK, ENTERPRISE_1),
            ParkAccounts.enterprise(username(ENTERPRISE_2), E2_PASSWORD, PARK, ENTERPRISE_2),
            ParkAccounts.fleet(fleet(), FLEET_PASSWORD, PARK));
    }

    /** The login of the park's vehicle platform, which publishes under {@code parks/testpark/vehicles/#}. */
    public static String fleet() {
        return username(FLEET);
    }

    public static String username(String enterprise) {
        return PARK + "." + enterprise;
    }

    public static char[] password(String username) {
        if (GATEWAY.equals(username)) {
            return GATEWAY_PASSWORD.clone();
        }
        if (username(ENTERPRISE_1).equals(username)) {
            return E1_PASSWORD.clone();
        }
        if (username(ENTERPRISE_2).equals(username)) {
            return E2_PASSWORD.clone();
        }
        if (fleet().equals(username)) {
            return FLEET_PASSWORD.clone();
        }
        throw new IllegalArgumentException("no test account " + username);
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }
}
