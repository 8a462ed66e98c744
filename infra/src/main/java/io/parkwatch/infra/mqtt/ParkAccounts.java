package io.parkwatch.infra.mqtt;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The account shapes of the park topic tree ({@code parks/{park}/enterprises/{enterprise}/…} and
 * {@code parks/{park}/vehicles/{vehicle}/…}): each publisher is confined to its own subtree and
 * reads only its own feedback; the gateway reads everything through its shared group.
 */
public final class ParkAccounts {

    /** The shared-subscription group all gateway instances join, so each message reaches one. */
    public static final String GATEWAY_GROUP = "parkwatch-gateway";

    /** Identifiers become topic levels, so they must not carry separators or wildcards. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private ParkAccounts() {
    }

    /** An enterprise (or its data logger): writes its own subtree, reads its own feedback. */
    public static MqttAccount enterprise(String username, char[] password, String park, String enterprise) {
        String root = "parks/" + id(park) + "/enterprises/" + id(enterprise);
        return MqttAccount.withPassword(username, password, List.of(root + "/#"), List.of(root + "/feedback/#"));
    }

    /** A vehicle platform of one park: writes under any vehicle of the park, reads their feedback. */
    public static MqttAccount fleet(String username, char[] password, String park) {
        String root = "parks/" + id(park) + "/vehicles";
        return MqttAccount.withPassword(username, password, List.of(root + "/#"), List.of(root + "/+/feedback/#"));
    }

    /** The MQTT→Kafka gateway: reads all parks through its shared group, writes feedback. */
    public static MqttAccount gateway(String username, char[] password) {
        return MqttAccount.withPassword(username, password,
            List.of("parks/+/enterprises/+/feedback/#", "parks/+/vehicles/+/feedback/#"),
            List.of("$share/" + GATEWAY_GROUP + "/parks/#"));
    }

    private static String id(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("invalid park/enterprise id (letters, digits, . _ -): " + id);
        }
        return id;
    }
}
