package io.parkwatch.cli.demo;

import io.parkwatch.contracts.credentials.CredentialKeys;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.infra.mqtt.CredentialsFile;
import io.parkwatch.infra.mqtt.MqttAccount;
import io.parkwatch.simulator.mqtt.SenderCredentials;
import io.parkwatch.simulator.park.SimulatedPark;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The demo's MQTT logins: one per enterprise, the park fleet's and the gateway's, and the JT/T 808 secret
 * ({@value CredentialKeys#JT808_SECRET}), generated at the first run and
 * kept in the demo's data folder (mode 600), never in the repository. docs/running.md shows how to read
 * one for {@code mosquitto_pub}. The same file holds the access password (PW) of every HJ 212 data logger
 * of the registry, {@code hj212.{MN}=…}, for loggers connecting over TCP.
 */
public final class DemoCredentials {

    public static final String GATEWAY_USER = "parkwatch-gateway";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LOGGER_PASSWORD_LENGTH = 9;

    private final Properties passwords;
    private final String park;
    private final Path file;

    private DemoCredentials(Properties passwords, String park, Path file) {
        this.passwords = passwords;
        this.park = park;
        this.file = file;
    }

    /** Loads the file, adds a password for every login it lacks, and saves it back. */
    public static DemoCredentials loadOrCreate(Path file, SimulatedPark park) throws IOException {
        return loadOrCreate(file, List.of(park));
    }

    /** The same for several parks: the first is the one the demo prints logins of. */
    public static DemoCredentials loadOrCreate(Path file, List<SimulatedPark> parks) throws IOException {
        return loadOrCreate(file, parks, List.of());
    }

    /** The same, with a password for each HJ 212 data logger's MN ({@code hj212.{MN}}). */
    public static DemoCredentials loadOrCreate(Path file, List<SimulatedPark> parks, Collection<String> loggerMns)
            throws IOException {
        Properties passwords = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                passwords.load(in);
            }
        }
        SecureRandom random = new SecureRandom();
        boolean changed = passwords.putIfAbsent(GATEWAY_USER, newPassword(random)) == null;
        changed |= passwords.putIfAbsent(CredentialKeys.JT808_SECRET, newPassword(random)) == null;
        for (SimulatedPark park : parks) {
            for (var enterprise : park.enterprises()) {
                changed |= passwords.putIfAbsent(username(park.id(), enterprise.id()), newPassword(random)) == null;
            }
            if (!park.vehicles().isEmpty()) {
                changed |= passwords.putIfAbsent(username(park.id(), PointEntry.FLEET), newPassword(random)) == null;
            }
        }
        for (String mn : loggerMns) {
            changed |= passwords.putIfAbsent(CredentialKeys.hj212(mn), newLoggerPassword(random)) == null;
        }
        if (changed) {
            save(file, passwords);
        }
        return new DemoCredentials(passwords, parks.get(0).id(), file);
    }

    public static String username(String park, String enterprise) {
        return park + "." + enterprise;
    }

    /** The broker's accounts, read the way production reads its logins file. */
    public List<MqttAccount> accounts() throws IOException {
        return CredentialsFile.load(file, GATEWAY_USER);
    }

    /** The login {@code {park}.{enterprise}} or {@code {park}.vehicles} the simulator publishes with. */
    public SenderCredentials sender(String login) {
        return new SenderCredentials(login, password(login));
    }

    public char[] password(String username) {
        String password = passwords.getProperty(username);
        if (password == null) {
            throw new IllegalArgumentException("no demo credentials for " + username);
        }
        return password.toCharArray();
    }

    /** The JT/T 808 secret: kept in the file, so codes issued before a restart still authenticate. */
    public String jt808Secret() {
        return passwords.getProperty(CredentialKeys.JT808_SECRET);
    }

    private static String newPassword(SecureRandom random) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * HJ 212-2017 gives PW nine characters: nine letters and digits (about 53 bits), which loggers'
     * configuration screens take as they are.
     */
    private static String newLoggerPassword(SecureRandom random) {
        StringBuilder password = new StringBuilder(LOGGER_PASSWORD_LENGTH);
        for (int i = 0; i < LOGGER_PASSWORD_LENGTH; i++) {
            password.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return password.toString();
    }

    private static void save(Path file, Properties passwords) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            out.write("# parkwatch demo MQTT logins (username=password) and HJ 212 loggers' passwords (hj212.{MN}=PW),"
                + " generated locally; do not commit.\n");
            for (var entry : new TreeMap<>(passwords).entrySet()) {
                out.write(entry.getKey() + "=" + entry.getValue() + "\n");
            }
        }
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
