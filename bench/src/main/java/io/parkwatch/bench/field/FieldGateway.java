package io.parkwatch.bench.field;

import io.parkwatch.bench.GatewayJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The field soak's gateway: {@code parkwatch ingest --hj212-port … --jt808-port …} in a JVM of its own. */
final class FieldGateway {

    /** What the gateway needs to start, every time the same: it restarts on the same ports. */
    record Launch(String kafka, int hj212Port, Path hj212Credentials, int jt808Port, String jt808Secret, Path log) {
    }

    private FieldGateway() {
    }

    /** Starts it and returns once both listeners are up. */
    static GatewayJvm start(Launch launch) throws IOException, InterruptedException {
        return GatewayJvm.start(List.of("-Xmx512m"), List.of(
                "--kafka", launch.kafka(),
                "--client-id", "field-bench-gateway", "--metrics-port=-1",
                "--hj212-host", "127.0.0.1", "--hj212-port", String.valueOf(launch.hj212Port()),
                "--hj212-credentials", launch.hj212Credentials().toString(),
                "--jt808-host", "127.0.0.1", "--jt808-port", String.valueOf(launch.jt808Port())),
            Map.of("PARKWATCH_JT808_SECRET", launch.jt808Secret()), launch.log(), Duration.ofSeconds(90));
    }
}
