package io.parkwatch.cli.command;

import io.parkwatch.infra.mqtt.CredentialsFile;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoConfig;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "mosquitto-auth", mixinStandardHelpOptions = true,
    description = "Write Mosquitto's password file and ACL from a logins file, so that each enterprise may "
        + "publish only under its own topic subtree.")
public final class MosquittoAuthCommand implements Callable<Integer> {

    @Option(names = "--credentials", required = true, paramLabel = "FILE",
        description = "Logins, username=password: the gateway, {park}.{enterprise}, {park}.vehicles.")
    Path credentials;

    @Option(names = "--gateway-user", defaultValue = "parkwatch-gateway",
        description = "The gateway's username. Default: ${DEFAULT-VALUE}.")
    String gatewayUser;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write passwd and acl.")
    Path out;

    @Override
    public Integer call() throws Exception {
        StaticAccessPolicy policy = new StaticAccessPolicy(CredentialsFile.load(credentials, gatewayUser));
        MosquittoFiles.AuthFiles files = MosquittoFiles.writeAuthFiles(policy, out);
        System.out.println("# " + policy.accounts().size() + " logins; add to mosquitto.conf:");
        System.out.println("allow_anonymous false");
        System.out.println("password_file " + files.passwordFile().toAbsolutePath());
        System.out.println("acl_file " + files.aclFile().toAbsolutePath());
        // Mosquitto's defaults (20 in flight, 1000 queued) would cap the gateway, which acknowledges
        // only after Kafka did, at 20 messages per Kafka round trip, and drop QoS 1 messages beyond
        // 1000 queued for a restarting gateway.
        System.out.println("max_inflight_messages " + MosquittoConfig.DEFAULT_MAX_INFLIGHT_MESSAGES);
        System.out.println("max_queued_messages " + MosquittoConfig.DEFAULT_MAX_QUEUED_MESSAGES);
        System.out.println("max_queued_bytes 0");
        // No topic aliases: Paho's MQTT 5 client (the gateway's feedback) resends an in-flight PUBLISH after a
        // reconnect with the old connection's alias, and is disconnected for it again and again.
        System.out.println("max_topic_alias 0");
        return 0;
    }
}
