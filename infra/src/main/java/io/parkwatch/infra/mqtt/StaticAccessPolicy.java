package io.parkwatch.infra.mqtt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An access policy over a fixed list of accounts, known at start-up. */
public final class StaticAccessPolicy implements MqttAccessPolicy {

    private final Map<String, MqttAccount> accounts;
    private final Map<String, MqttGrant> grants;
    private final PasswordHash decoy;

    public StaticAccessPolicy(List<MqttAccount> accounts) {
        Map<String, MqttAccount> byName = new LinkedHashMap<>();
        Map<String, MqttGrant> grantsByName = new LinkedHashMap<>();
        for (MqttAccount account : accounts) {
            if (byName.putIfAbsent(account.username(), account) != null) {
                throw new IllegalArgumentException("duplicate MQTT username: " + account.username());
            }
            grantsByName.put(account.username(), account.grant());
        }
        this.accounts = byName;
        this.grants = grantsByName;
        // Unknown users are checked against this hash so that they cost as much as known ones
        // and response time does not reveal which usernames exist. Its result is ignored.
        this.decoy = PasswordHash.derive("decoy".toCharArray(), PasswordHash.DEFAULT_ITERATIONS);
    }

    public static StaticAccessPolicy of(MqttAccount... accounts) {
        return new StaticAccessPolicy(List.of(accounts));
    }

    @Override
    public Optional<MqttGrant> authenticate(String username, byte[] password) {
        MqttAccount account = username == null ? null : accounts.get(username);
        if (account == null) {
            decoy.verify(password);
            return Optional.empty();
        }
        return account.password().verify(password) ? Optional.of(grants.get(username)) : Optional.empty();
    }

    /** A certificate's common name logs in as the account of that name, with exactly its password grant. */
    @Override
    public Optional<MqttGrant> certificateLogin(String login) {
        return Optional.ofNullable(login == null ? null : grants.get(login));
    }

    /** The accounts, in the order given; brokers with their own user files are rendered from them. */
    public List<MqttAccount> accounts() {
        return List.copyOf(accounts.values());
    }
}
