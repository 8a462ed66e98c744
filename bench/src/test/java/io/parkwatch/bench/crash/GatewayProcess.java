package io.parkwatch.bench.crash;

import io.parkwatch.bench.BenchLoad;
import io.parkwatch.bench.GatewayJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The crash test's gateway: {@code parkwatch ingest} on MQTT, in a JVM of its own started from the test classpath. */
final class GatewayProcess {

    private GatewayProcess() {
    }

    /** Starts the gateway and returns once it is subscribed. */
    static GatewayJvm start(String kafka, String mqtt, String clientId, char[] password, Path log,
                            int receiveMaximum) throws IOException, InterruptedException {
        return GatewayJvm.start(List.of("-Xmx384m", "-XX:+UseSerialGC"), List.of(
                "--kafka", kafka, "--mqtt", mqtt, "--mqtt-user", BenchLoad.GATEWAY_USER, "--client-id", clientId,
                "--receive-maximum", String.valueOf(receiveMaximum), "--metrics-port=-1",
                // The sample registry the load's enterprises and points come from; loaded (unchanged
                // after the first start) before the gateway subscribes.
                "--sample-registry", "--seed", String.valueOf(BenchLoad.PARK_SEED)),
            Map.of("PARKWATCH_MQTT_PASSWORD", new String(password)), log, Duration.ofSeconds(60));
    }
}
