package io.parkwatch.infra.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/** Creates SCRAM-SHA-512 users through the broker's plain listener, before any secured client comes. */
final class ScramUsers {

    private static final int ITERATIONS = 4096;

    private ScramUsers() {
    }

    static void create(Admin admin, Map<String, String> users, Duration timeout) {
        List<UserScramCredentialAlteration> upserts = users.entrySet().stream()
            .<UserScramCredentialAlteration>map(user -> new UserScramCredentialUpsertion(user.getKey(),
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), user.getValue()))
            .toList();
        try {
            admin.alterUserScramCredentials(upserts).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            // The controller has committed them; the broker authenticates from its metadata image,
            // which the describe answer reflects.
            admin.describeUserScramCredentials(List.copyOf(users.keySet())).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaStartException("could not create the SCRAM users " + users.keySet() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaStartException("interrupted while creating SCRAM users", e);
        }
    }
}
