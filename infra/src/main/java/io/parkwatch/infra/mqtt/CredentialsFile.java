package io.parkwatch.infra.mqtt;

import io.parkwatch.contracts.credentials.CredentialKeys;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * MQTT logins kept as {@code username=password} lines (a file of mode 600 outside the repository).
 * The username says what the login may do:
 * <ul>
 *   <li>the gateway's username: read every park through the shared group, write feedback;</li>
 *   <li>{@code {park}.vehicles}: the park's vehicle platform, writing under any vehicle of the park;</li>
 *   <li>{@code {park}.{enterprise}}: one enterprise, writing only its own subtree.</li>
 * </ul>
 * Passwords are hashed on loading and the clear text is not kept. Lines {@code hj212.{MN}=…} are
 * the access passwords of HJ 212 data loggers on TCP, and the key {@value CredentialKeys#JT808_SECRET} the JT/T 808
 * listener's secret: neither is an MQTT login, and both are left alone here.
 */
public final class CredentialsFile {


    private CredentialsFile() {
    }

    public static List<MqttAccount> load(Path file, String gatewayUser) throws IOException {
        Properties logins = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            logins.load(in);
        }
        List<MqttAccount> accounts = new ArrayList<>();
        for (String user : new TreeSet<>(logins.stringPropertyNames())) {
            if (CredentialKeys.isDevice(user)) {
                continue;
            }
            char[] password = logins.getProperty(user).toCharArray();
            if (password.length == 0) {
                throw new IllegalArgumentException(file + ": login '" + user + "' has an empty password");
            }
            accounts.add(account(file, user, password, gatewayUser));
        }
        if (accounts.stream().noneMatch(a -> a.username().equals(gatewayUser))) {
            throw new IllegalArgumentException(file + " has no login for the gateway user '" + gatewayUser + "'");
        }
        return accounts;
    }

    private static MqttAccount account(Path file, String user, char[] password, String gatewayUser) {
        if (user.equals(gatewayUser)) {
            return ParkAccounts.gateway(user, password);
        }
        int dot = user.indexOf('.');
        if (dot <= 0 || dot == user.length() - 1 || user.indexOf('.', dot + 1) > 0) {
            throw new IllegalArgumentException(file + ": login '" + user
                + "' is neither the gateway nor {park}.{enterprise} / {park}.vehicles");
        }
        String park = user.substring(0, dot);
        String holder = user.substring(dot + 1);
        return "vehicles".equals(holder)
            ? ParkAccounts.fleet(user, password, park)
            : ParkAccounts.enterprise(user, password, park, holder);
    }
}
