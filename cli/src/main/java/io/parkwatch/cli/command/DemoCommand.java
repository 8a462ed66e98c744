package io.parkwatch.cli.command;

import io.parkwatch.cli.demo.Demo;
import io.parkwatch.cli.demo.DemoLogging;
import io.parkwatch.cli.demo.DemoOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the whole pipeline on this machine with a simulated park; Ctrl-C stops everything.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--mqtt-port", defaultValue = "1883", description = "MQTT port. Default: ${DEFAULT-VALUE}.")
    int mqttPort;

    @Option(names = "--tls",
        description = "Also serve MQTT over TLS (on --mqtt-tls-port), with a CA, a server certificate and a client "
            + "certificate and key per login made under DATA-DIR/tls (kept across runs); the gateway and the "
            + "simulator then connect over TLS with their certificates.")
    boolean tls;

    @Option(names = "--mqtt-tls-port", defaultValue = "8883",
        description = "MQTT-over-TLS port with --tls. Default: ${DEFAULT-VALUE}.")
    int mqttTlsPort;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka port. Default: ${DEFAULT-VALUE}.")
    int kafkaPort;

    @Option(names = "--influx-port", defaultValue = "8086", description = "InfluxDB port. Default: ${DEFAULT-VALUE}.")
    int influxPort;

    @Option(names = "--http-port", defaultValue = "8080",
        description = "Console and API port. Default: ${DEFAULT-VALUE}.")
    int httpPort;

    @Option(names = "--hj212-port", defaultValue = "9212",
        description = "Port of HJ 212 data loggers over TCP (on 127.0.0.1). Default: ${DEFAULT-VALUE}.")
    int hj212Port;
    @Option(names = "--jt808-port", defaultValue = "6808",
        description = "JT/T 808 vehicle terminals over TCP. Default: ${DEFAULT-VALUE}.")
    int jt808Port;

    @Option(names = "--data-dir", defaultValue = "${env:PARKWATCH_HOME:-.}/var/demo",
        description = "Where the servers keep their data between runs. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Mixin
    SampleParkOptions sample;

    @Mixin
    TopicOptions topics;

    @Option(names = "--speed-up", defaultValue = "1",
        description = "Send this many times faster than the points' intervals. Default: ${DEFAULT-VALUE}.")
    double speedUp;

    @Option(names = "--ready-timeout", defaultValue = "PT3M",
        description = "How long to wait for the first readings in InfluxDB. Default: ${DEFAULT-VALUE}.")
    Duration readyTimeout;

    @Override
    public Integer call() throws Exception {
        Checks.port(mqttPort, "--mqtt-port");
        Checks.port(kafkaPort, "--kafka-port");
        Checks.port(mqttTlsPort, "--mqtt-tls-port");
        if (tls && mqttTlsPort == mqttPort) {
            throw new IllegalArgumentException("--mqtt-tls-port must differ from --mqtt-port, both are " + mqttPort);
        }
        Checks.port(influxPort, "--influx-port");
        Checks.port(httpPort, "--http-port");
        Checks.port(hj212Port, "--hj212-port");
        Checks.port(jt808Port, "--jt808-port");
        Checks.positive(speedUp, "--speed-up");
        int partitions = topics.partitions();
        Demo demo = new Demo(new DemoOptions(mqttPort, kafkaPort, influxPort, httpPort, dataDir, sample.park(),
            speedUp, partitions, readyTimeout, hj212Port, jt808Port, tls, mqttTlsPort));
        // A taken port fails before anything is written, the log directory included.
        demo.checkPorts();
        DemoLogging.toFiles(dataDir);
        Thread hook = new Thread(demo::close, "parkwatch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            demo.start();
            demo.awaitReadings(System.out);
        } catch (Exception e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            demo.close();
            throw e;
        }
        Thread.currentThread().join();
        return 0;
    }
}
