package io.parkwatch.cli.command;

import io.parkwatch.contracts.credentials.CredentialKeys;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.simulator.fault.FaultSpec;
import io.parkwatch.simulator.mqtt.ParkSimulator;
import io.parkwatch.simulator.mqtt.SenderCredentials;
import io.parkwatch.simulator.park.SimulatedPark;
import io.parkwatch.simulator.registry.SampleRegistry;
import io.parkwatch.simulator.scenario.Scenario;
import io.parkwatch.simulator.scenario.ScenarioSettings;
import io.parkwatch.simulator.tcp.AnswerListener;
import io.parkwatch.simulator.tcp.FieldClients;
import io.parkwatch.simulator.tcp.TcpAddress;
import io.parkwatch.simulator.tcp.TcpClientSettings;
import io.parkwatch.simulator.truth.TruthFile;
import io.parkwatch.transport.mqtt.MqttSockets;
import io.parkwatch.transport.tls.TlsMaterial;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Publish simulated parks (JSON, HJ 212, JT/T 808) to an MQTT broker, or the HJ 212 loggers and "
        + "JT/T 808 terminals over TCP to the gateway's listeners (--transport tcp), with faults at chosen ratios, and "
        + "write the ground truth of what the pipeline must show.")
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--mqtt", paramLabel = "URI",
        description = "MQTT broker, e.g. tcp://host:1883 or ssl://host:8883; required unless every point played "
            + "goes over TCP.")
    String mqtt;

    @Option(names = "--mqtt-ca", paramLabel = "FILE",
        description = "PEM file of the CA that signed the broker's certificate, for an ssl:// broker. Without it "
            + "the JVM's default trust store is used.")
    Path mqttCa;

    @Option(names = "--mqtt-cert-dir", paramLabel = "DIR",
        description = "Log each sender in with its client certificate DIR/{login}.pem and key DIR/{login}.key "
            + "(as 'demo --tls' writes them under var/demo/tls/clients) instead of its password.")
    Path mqttCertDir;

    @Option(names = "--credentials", required = true, paramLabel = "FILE",
        description = "Properties file of logins: {park}.{enterprise}=password and {park}.vehicles=password; "
            + "with --transport tcp also hj212.{MN}=password for each logger.")
    Path credentials;

    @Option(names = "--transport", defaultValue = "mqtt", paramLabel = "mqtt|tcp",
        description = "How HJ 212 loggers and JT/T 808 terminals send: mqtt (on the enterprises' and fleets' logins) "
            + "or tcp (each on its own connection to the gateway's listeners, as equipment in the field does; JSON "
            + "meters stay on MQTT). Default: ${DEFAULT-VALUE}.")
    String transport;

    @Option(names = "--hj212-address", defaultValue = "127.0.0.1:9212", paramLabel = "HOST:PORT",
        description = "With --transport tcp: the gateway's HJ 212 listener. Default: ${DEFAULT-VALUE}.")
    String hj212Address;

    @Option(names = "--jt808-address", defaultValue = "127.0.0.1:6808", paramLabel = "HOST:PORT",
        description = "With --transport tcp: the gateway's JT/T 808 listener. Default: ${DEFAULT-VALUE}.")
    String jt808Address;

    @Mixin
    SampleParkOptions sample;

    @Option(names = "--parks", defaultValue = "all", paramLabel = "LIST",
        description = "Sample parks to play, comma-separated (xilinhot, otog, sulige, jungar, huolingol) or all. "
            + "Default: ${DEFAULT-VALUE}.")
    String parks;

    @Option(names = "--speed-up", defaultValue = "1",
        description = "Send this many times faster than the points' intervals. Default: ${DEFAULT-VALUE}.")
    double speedUp;

    @Option(names = "--rate", defaultValue = "1000", paramLabel = "R",
        description = "At most R messages a second (0: no limit). Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--duration", paramLabel = "D",
        description = "Stop after D (30s, 10m, 2h or PT10M); default: until Ctrl-C.")
    String duration;

    @Option(names = "--faults", defaultValue = "none", paramLabel = "SPEC",
        description = "Fault ratios, e.g. silent=0.05,malformed=0.01,bad-crc=0.01,duplicate=0.02,late=0.01. "
            + "Default: ${DEFAULT-VALUE}.")
    String faults;

    @Option(names = "--start", paramLabel = "INSTANT",
        description = "The timeline's first instant (ISO-8601, e.g. 2026-11-23T02:00:00Z); default: now. The same "
            + "seed, start and speed-up give the same payloads (the gateway refuses times older than 7 days).")
    Instant startAt;

    @Option(names = "--truth", paramLabel = "FILE", description = "Write the ground truth (JSON) here at the end.")
    Path truth;

    @Override
    public Integer call() throws Exception {
        Checks.positive(speedUp, "--speed-up");
        requireTlsUri();
        if (rate < 0) {
            throw new IllegalArgumentException("--rate must be 0 (no limit) or positive, got " + rate);
        }
        Duration runFor = duration == null ? null : DurationText.parse(duration, "--duration");
        boolean tcp = tcp();
        FaultSpec spec = parseFaults();
        Properties logins = load(credentials);
        Registry registry = SampleRegistry.generate(sample.seed());
        List<SimulatedPark> played = sample.parks(registry, parks);
        Instant start = startAt != null ? startAt : Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
        Scenario scenario = Scenario.of(registry, played, new ScenarioSettings(sample.seed(), start, speedUp, spec));
        List<String> mqttLogins = ParkSimulator.mqttLogins(scenario, tcp);
        requireLogins(logins, mqttLogins);
        if (!mqttLogins.isEmpty() && mqtt == null) {
            throw new IllegalArgumentException("--mqtt is required: " + mqttLogins.size() + " sender(s) publish over MQTT"
                + (tcp ? " (the JSON meters)" : ""));
        }
        Map<String, TlsMaterial> tls = senderTls(mqttLogins);
        FieldClients field = tcp ? fieldClients(scenario, logins) : null;
        ParkSimulator simulator = new ParkSimulator(scenario, start, Clock.systemUTC(), rate);
        simulator.start(mqtt, login -> new SenderCredentials(login, logins.getProperty(login).toCharArray(),
            tls.get(login)), field);
        runUntilDone(simulator, runFor);
        return 0;
    }

    /** Each MQTT sender's TLS material, read and checked now, naming the flag; empty for plain TCP. */
    private Map<String, TlsMaterial> senderTls(List<String> mqttLogins) {
        if (mqttCa == null && mqttCertDir == null) {
            return Map.of();
        }
        List<X509Certificate> trusted = mqttCa == null ? List.of() : PemOptions.certificates(mqttCa, "--mqtt-ca");
        Map<String, TlsMaterial> byLogin = new HashMap<>();
        for (String login : mqttLogins) {
            if (mqttCertDir == null) {
                byLogin.put(login, TlsMaterial.trusting(trusted));
                continue;
            }
            byLogin.put(login, PemOptions.identity(trusted, mqttCertDir.resolve(login + ".pem"), "--mqtt-cert-dir",
                mqttCertDir.resolve(login + ".key"), "--mqtt-cert-dir"));
        }
        return byLogin;
    }

    /** Checked before anything is read: TLS files with a plain URI are a mistake, not a plain connection. */
    private void requireTlsUri() {
        if ((mqttCa != null || mqttCertDir != null) && (mqtt == null || !MqttSockets.isTls(mqtt))) {
            throw new IllegalArgumentException((mqttCa != null ? "--mqtt-ca" : "--mqtt-cert-dir")
                + " needs an ssl://host:8883 --mqtt URI, got " + mqtt);
        }
    }

    private boolean tcp() {
        return switch (transport) {
            case "mqtt" -> false;
            case "tcp" -> true;
            default -> throw new IllegalArgumentException("--transport must be mqtt or tcp, got " + transport);
        };
    }

    private void requireLogins(Properties logins, List<String> needed) {
        List<String> missing = needed.stream().filter(l -> logins.getProperty(l) == null).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(credentials + " has no login for " + missing.size() + " sender(s), e.g. "
                + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
                + "; add them or choose parks with --parks");
        }
    }

    /** One TCP client per logger (password hj212.{MN} from the credentials) and per terminal, started. */
    private FieldClients fieldClients(Scenario scenario, Properties logins) {
        TcpAddress loggers = TcpAddress.parse(hj212Address, "--hj212-address");
        TcpAddress terminals = TcpAddress.parse(jt808Address, "--jt808-address");
        List<PointEntry> equipment = scenario.playedEntries().stream().filter(FieldClients::onTcp).toList();
        requireLogins(logins, equipment.stream().filter(p -> p.hj212Mn() != null && !p.isVehicle())
            .map(p -> CredentialKeys.hj212(p.hj212Mn())).distinct().toList());
        FieldClients field = new FieldClients(TcpClientSettings.DEFAULTS, AnswerListener.NONE);
        for (PointEntry point : equipment) {
            if (point.isVehicle()) {
                field.addTerminal(point.jt808Terminal(), terminals);
            } else {
                field.addLogger(point.hj212Mn(), logins.getProperty(CredentialKeys.hj212(point.hj212Mn())), loggers);
            }
        }
        field.start();
        return field;
    }

    private FaultSpec parseFaults() {
        try {
            return FaultSpec.parse(faults);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--faults: " + e.getMessage(), e);
        }
    }

    /** Shows progress until the duration is over or the process is stopped; then summary and truth, once. */
    private void runUntilDone(ParkSimulator simulator, Duration runFor) throws InterruptedException {
        CountDownLatch finished = new CountDownLatch(1);
        SimulationProgress progress = new SimulationProgress(System.out, System.console() != null, runFor);
        Thread hook = new Thread(() -> {
            finish(simulator, progress);
            finished.countDown();
        }, "parkwatch-simulate-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        long startNanos = System.nanoTime();
        while (runFor == null || System.nanoTime() - startNanos < runFor.toNanos()) {
            long waitMillis = runFor == null ? progress.refreshMillis() : Math.min(progress.refreshMillis(),
                Math.max(1, (runFor.toNanos() - (System.nanoTime() - startNanos)) / 1_000_000));
            if (finished.await(waitMillis, TimeUnit.MILLISECONDS)) {
                return;
            }
            progress.show(simulator.stats(), simulator.scenario().truth().faultCounts(),
                Duration.ofNanos(System.nanoTime() - startNanos));
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        finish(simulator, progress);
    }

    private void finish(ParkSimulator simulator, SimulationProgress progress) {
        try {
            simulator.drain(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var groundTruth = simulator.truth();
        simulator.close();
        progress.summary(groundTruth);
        if (truth != null) {
            try {
                TruthFile.write(truth, groundTruth);
                System.out.println("ground truth written to " + truth.toAbsolutePath());
            } catch (IOException e) {
                System.err.println("could not write the ground truth to " + truth + ": " + e);
            }
        }
        System.out.flush();
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
