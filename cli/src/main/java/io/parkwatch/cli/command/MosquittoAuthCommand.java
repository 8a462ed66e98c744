package io.parkwatch.cli.command;

import io.parkwatch.infra.mqtt.CredentialsFile;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
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
        return 0;
    }
}
