package io.parkwatch.bench.chaos;

import io.parkwatch.bench.BenchLoad;
import io.parkwatch.infra.net.LoopbackPorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The pipeline as separate processes: two gateways, two streams instances (one application id each
 * application, {@code --standby-replicas 1}), two sinks (one consumer group) and the console service.
 */
final class ServiceProcesses implements AutoCloseable {

    static final String GATEWAY = "gateway";
    static final String STREAMS = "streams";
    static final String SINK = "sink";
    static final String CONSOLE = "console";

    private final Map<String, ServiceProcess> byName = new LinkedHashMap<>();

    /**
     * @param work   a directory of the run's own, for the streams instances' state
     * @param tokens the console's {@code --api-tokens} file
     * @param logs   where each process's output goes, one file each
     */
    ServiceProcesses(String kafka, String mqtt, String influx, char[] mqttPassword, Path work, Path tokens, Path logs) {
        Map<String, String> gatewayEnv = Map.of("PARKWATCH_MQTT_PASSWORD", new String(mqttPassword));
        for (int i = 1; i <= 2; i++) {
            int port = LoopbackPorts.freePort();
            // Receive maximum 100: HiveMQ's per-ack cost grows with the queue (see GatewayCrashIT).
            add(new ServiceProcess(GATEWAY + "-" + i, List.of("ingest", "--kafka", kafka, "--mqtt", mqtt,
                "--mqtt-user", BenchLoad.GATEWAY_USER, "--client-id", "chaos-gateway-" + i, "--receive-maximum", "100",
                "--sample-registry", "--seed", String.valueOf(BenchLoad.PARK_SEED), "--metrics-port", String.valueOf(port)),
                "parkwatch gateway running", port, gatewayEnv, logs));
        }
        for (int i = 1; i <= 2; i++) {
            int port = LoopbackPorts.freePort();
            add(new ServiceProcess(STREAMS + "-" + i, List.of("streams", "--kafka", kafka, "--state-dir",
                work.resolve("streams-state-" + i).toString(), "--standby-replicas", "1",
                "--metrics-port", String.valueOf(port)), "parkwatch streams running", port, Map.of(), logs));
        }
        for (int i = 1; i <= 2; i++) {
            int port = LoopbackPorts.freePort();
            add(new ServiceProcess(SINK + "-" + i, List.of("sink", "--kafka", kafka, "--influx", influx,
                "--metrics-port", String.valueOf(port)), "parkwatch sink running", port, Map.of(), logs));
        }
        int http = LoopbackPorts.freePort();
        add(new ServiceProcess(CONSOLE, List.of("console", "--kafka", kafka, "--influx", influx, "--http-port",
            String.valueOf(http), "--api-tokens", tokens.toString()), "parkwatch console on", http, Map.of(), logs));
    }

    private void add(ServiceProcess service) {
        byName.put(service.name(), service);
    }

    /**
     * Starts the first gateway alone (it loads the registry), then the rest side by side: each start
     * waits for its process's ready line.
     */
    void startAll() throws Exception {
        get(GATEWAY + "-1").start();
        ExecutorService starts = Executors.newFixedThreadPool(byName.size());
        try {
            List<Future<?>> started = new ArrayList<>();
            for (ServiceProcess service : byName.values()) {
                if (!service.name().equals(GATEWAY + "-1")) {
                    started.add(starts.submit(() -> {
                        service.start();
                        return null;
                    }));
                }
            }
            for (Future<?> each : started) {
                each.get();
            }
        } finally {
            starts.shutdownNow();
        }
    }

    ServiceProcess get(String name) {
        ServiceProcess service = byName.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name + " in " + byName.keySet());
        }
        return service;
    }

    String console() {
        return get(CONSOLE).readyUrl().replace("/health/ready", "");
    }

    List<ServiceProcess> all() {
        return List.copyOf(byName.values());
    }

    @Override
    public void close() {
        byName.values().forEach(ServiceProcess::stopQuietly);
    }
}
