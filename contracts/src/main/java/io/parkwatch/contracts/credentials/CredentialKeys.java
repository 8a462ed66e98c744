package io.parkwatch.contracts.credentials;

/**
 * The keys of the credentials file besides MQTT logins: an HJ 212 data logger's access password
 * ({@code hj212.{MN}=PW}) and the secret JT/T 808 authentication codes derive from
 * ({@code jt808.secret=…}). The MQTT broker, the gateway, the demo and the simulator read one file.
 */
public final class CredentialKeys {

    /** The prefix of a logger's password key. */
    public static final String HJ212_PREFIX = "hj212.";
    /** The JT/T 808 listener's secret. */
    public static final String JT808_SECRET = "jt808.secret";

    private CredentialKeys() {
    }

    /** The key of the password issued to the logger {@code mn}. */
    public static String hj212(String mn) {
        return HJ212_PREFIX + mn;
    }

    /** Whether {@code key} is a device credential, not an MQTT login. */
    public static boolean isDevice(String key) {
        return key.startsWith(HJ212_PREFIX) || key.equals(JT808_SECRET);
    }
}
