package io.parkwatch.cli.demo;

import io.parkwatch.contracts.registry.PointEntry;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Where the running demo can be reached (the HJ 212 TCP listener as {@code host:port}), the console's
 * login, and one login to publish with.
 */
public record DemoEndpoints(String mqttUri, Tls mqttTls, String kafkaBootstrap, String influxUrl, String database, String consoleUrl,
                            Path apiTokensFile, Path credentialsFile, String hj212Address, String jt808Uri,
                            String sampleUser, PointEntry samplePoint, Path logFile) {

    /**
     * MQTT over TLS ({@code demo --tls}).
     *
     * @param uri     e.g. {@code ssl://127.0.0.1:8883}
     * @param ca      the CA file clients trust
     * @param clients where each login's certificate and key are, {@code {login}.pem} and {@code {login}.key}
     */
    public record Tls(String uri, Path ca, Path clients) {
    }

    void print(PrintStream out, long readings) {
        out.println();
        out.println("  console    " + consoleUrl);
        // The token is printed as a command, not as a value: it stays out of terminal logs and URLs.
        out.println("  login      operator token: grep '^operator=' " + apiTokensFile + " | cut -d: -f2");
        out.println("  metrics    " + consoleUrl + "metrics");
        out.println("  health     " + consoleUrl + "health/ready   (and /health/live)");
        out.println("  MQTT       " + mqttUri + "   (logins in " + credentialsFile + ")");
        out.println("  HJ 212     tcp://" + hj212Address + "   (loggers' passwords: hj212.{MN} in " + credentialsFile + ")");
        out.println("  JT/T 808   " + jt808Uri + "   (vehicle terminals of the registry; codes from jt808.secret in "
            + credentialsFile.getFileName() + ")");
        out.println("  Kafka      " + kafkaBootstrap);
        out.println("  InfluxDB   " + influxUrl + "   database " + database + ", " + readings + " readings so far");
        out.println("  try        mosquitto_pub -p " + port(mqttUri)
            + " -u " + sampleUser + " -P \"$(grep '^" + sampleUser + "=' " + credentialsFile + " | cut -d= -f2)\" -q 1"
            + " -t " + sampleTopic() + " -m " + samplePayload());
        if (mqttTls != null) {
            out.println("  MQTT TLS   " + mqttTls.uri() + "   (CA " + mqttTls.ca() + "; a certificate and key per login in "
                + mqttTls.clients() + ", its common name the login)");
            out.println("  try TLS    mosquitto_pub -h 127.0.0.1 -p " + port(mqttTls.uri()) + " --cafile " + mqttTls.ca()
                + " --cert " + mqttTls.clients().resolve(sampleUser + ".pem") + " --key "
                + mqttTls.clients().resolve(sampleUser + ".key") + " -q 1 -t " + sampleTopic() + " -m " + samplePayload());
        }
        out.println("  logs       " + logFile);
        out.println();
    }

    private String sampleTopic() {
        return "parks/" + samplePoint.park() + "/enterprises/" + samplePoint.enterprise() + "/points/" + samplePoint.id();
    }

    private static String samplePayload() {
        return "'{\"metric\":\"active_power\",\"value\":42,\"unit\":\"kW\",\"ts\":'$(date +%s000)'}'";
    }

    private static String port(String uri) {
        return uri.substring(uri.lastIndexOf(':') + 1);
    }
}
