package io.parkwatch.bench.chaos;

import io.parkwatch.infra.influx.InfluxdConfig;
import io.parkwatch.infra.influx.InfluxdProcess;
import io.parkwatch.infra.net.LoopbackPorts;
import java.nio.file.Path;

/** The run's influxd, on a fixed port and data directory: killed with SIGKILL, started again later. */
final class InfluxNode implements AutoCloseable {

    private final InfluxdConfig config;
    private InfluxdProcess influxd;

    InfluxNode(Path dataDir) {
        this.config = InfluxdConfig.loopback(LoopbackPorts.freePort(), dataDir);
        this.influxd = InfluxdProcess.start(config);
    }

    String url() {
        return influxd.url();
    }

    void kill() throws InterruptedException {
        ProcessHandle process = influxd.processHandle();
        process.destroyForcibly();
        process.onExit().join();
    }

    void restart() {
        influxd = InfluxdProcess.start(config);
    }

    @Override
    public void close() {
        influxd.close();
    }
}
