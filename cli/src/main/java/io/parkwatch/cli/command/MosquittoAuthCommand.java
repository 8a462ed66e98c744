package io.parkwatch.cli.command;

import io.parkwatch.infra.mqtt.CredentialsFile;
import io.parkwatch.infra.mqtt.MqttTlsListener;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoConfig;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "mosquitto-auth", mixinStandardHelpOptions = true,
    description = "Write Mosquitto's password file and ACL from a logins file, so that each enterprise may "
        + "publish only under its own topic subtree; print the mosquitto.conf lines, with an MQTT-over-TLS "
        + "listener when given --tls-cert and --tls-key.")
public final class MosquittoAuthCommand implements Callable<Integer> {

    @Option(names = "--credentials", required = true, paramLabel = "FILE",
        description = "Logins, username=password: the gateway, {park}.{enterprise}, {park}.vehicles.")
    Path credentials;

    @Option(names = "--gateway-user", defaultValue = "parkwatch-gateway",
        description = "The gateway's username. Default: ${DEFAULT-VALUE}.")
    String gatewayUser;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write passwd and acl.")
    Path out;

    @Option(names = "--tls-cert", paramLabel = "FILE",
        description = "The broker's PEM certificate: also print the lines of an MQTT-over-TLS listener.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "The unencrypted PEM key of --tls-cert.")
    Path tlsKey;

    @Option(names = "--tls-client-ca", paramLabel = "FILE",
        description = "PEM CA of the client certificates: the TLS listener then takes certificates only, and "
            + "each logs in as the login named by its common name (e.g. xilinhot.e001), under that login's ACL.")
    Path tlsClientCa;

    @Option(names = "--tls-port", defaultValue = "8883", description = "The TLS listener's port. Default: ${DEFAULT-VALUE}.")
    int tlsPort;

    @Override
    public Integer call() throws Exception {
        MqttTlsListener tls = tlsListener();
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
        if (tls != null) {
            System.out.println("# MQTT over TLS; the mosquitto user must be able to read " + tls.keyFile().getFileName()
                + (tls.clientCaFile() == null ? "" : "; clients log in with certificates only, their common name "
                + "being the login"));
            System.out.print(MosquittoFiles.tlsListener(tls, tls.port(), null));
        }
        return 0;
    }

    /** The TLS listener of the --tls-* options, the files read and checked now; null without --tls-cert. */
    private MqttTlsListener tlsListener() {
        if (tlsCert == null && tlsKey == null) {
            if (tlsClientCa != null) {
                throw new IllegalArgumentException("--tls-client-ca needs --tls-cert and --tls-key (the TLS listener)");
            }
            return null;
        }
        if (tlsPort < 1 || tlsPort > 65_535) {
            throw new IllegalArgumentException("--tls-port must be 1..65535, got " + tlsPort);
        }
        PemOptions.identity(List.of(), tlsCert, "--tls-cert", tlsKey, "--tls-key");
        if (tlsClientCa != null) {
            PemOptions.certificates(tlsClientCa, "--tls-client-ca");
        }
        return new MqttTlsListener(tlsPort, tlsCert.toAbsolutePath(), tlsKey.toAbsolutePath(),
            tlsClientCa == null ? null : tlsClientCa.toAbsolutePath());
    }
}
