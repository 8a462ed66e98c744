package io.parkwatch.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.testkit.SharedServers;
import io.parkwatch.testkit.TestAccounts;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoBroker;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd units of deploy/systemd are valid for systemd and start working services: each unit,
 * copied with its install paths pointed at this build (its java, cli/target's jar, a temporary
 * /etc/parkwatch and /var/lib/parkwatch), passes {@code systemd-analyze verify} without a
 * warning; then each unit's ExecStart, expanded in the environment its Environment= lines and
 * environment files give, runs against the shared test servers until its /health/ready answers
 * 200, and stops on SIGTERM with an exit status the unit counts as success. The sysusers.d file
 * creates the user the units run as, and the metrics the services serve include every metric the
 * Prometheus rules of deploy/prometheus name.
 */
class SystemdUnitsIT {

    private static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");
    private static final Path SYSTEMD_SYSUSERS = Path.of("/usr/bin/systemd-sysusers");
    private static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();
    /** Where this build's jar and its lib/ are: the units' /opt/parkwatch. */
    private static final Path BUILD = Path.of("target").toAbsolutePath();
    private static final List<String> SERVICES = List.of("ingest", "streams", "sink", "console");
    private static final Pattern METRIC = Pattern.compile("\\b(?:parkwatch|kafka)_[a-z0-9_]+\\b");
    private static final Duration READY_WITHIN = Duration.ofSeconds(45);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Process> running = new LinkedHashMap<>();
    /**
     * A Mosquitto of the test's own: the ingest unit's gateway joins the gateways' share group with a
     * persistent session, and on the shared broker that session would go on taking its share of the
     * group's messages for the tests that run after this one.
     */
    private MosquittoBroker mosquitto;

    @AfterEach
    void stopLeftovers() {
        running.values().forEach(Process::destroyForcibly);
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Test
    void unitsPassSystemdVerifyAndTheirCommandsServeReadyAndEveryMetricTheRulesName() throws Exception {
        assertThat(SYSTEMD_ANALYZE).as("systemd-analyze (Debian's systemd package) must be installed").isExecutable();
        assertThat(BUILD.resolve("parkwatch.jar")).as("the packaged CLI, as /opt/parkwatch holds it").exists();
        Map<String, Path> units = installUnits();
        verify(units.values());
        createsTheUsersTheUnitsRunAs(units.values());

        mosquitto = MosquittoBroker.start(MosquittoConfig.defaults(dir.resolve("mosquitto"),
            new StaticAccessPolicy(TestAccounts.all())));
        Map<String, Integer> ports = writeEnvironmentFiles();
        for (String service : SERVICES) {
            running.put(service, start(service, SystemdUnit.read(units.get(service))));
        }
        StringBuilder metrics = new StringBuilder();
        for (String service : SERVICES) {
            awaitReady(service, ports.get(service));
            metrics.append(get(ports.get(service), "/metrics").body());
        }
        for (String service : SERVICES) {
            stopCleanly(service, SystemdUnit.read(units.get(service)));
        }
        assertThat(sampleNames(metrics.toString()))
            .as("every metric deploy/prometheus/parkwatch-rules.yml names is served by some service")
            .containsAll(namesInRules());
    }

    /** The units as installed on this machine: their absolute install paths rewritten. */
    private Map<String, Path> installUnits() throws IOException {
        Path unitDir = Files.createDirectories(dir.resolve("units"));
        Files.createDirectories(dir.resolve("etc"));
        Files.createDirectories(dir.resolve("state"));
        Map<String, Path> units = new LinkedHashMap<>();
        for (String service : SERVICES) {
            String name = "parkwatch-" + service + ".service";
            String text = Files.readString(DEPLOY.resolve("systemd").resolve(name));
            Path copy = unitDir.resolve(name);
            Files.writeString(copy, rewrite(text));
            units.put(service, copy);
        }
        return units;
    }

    private String rewrite(String text) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return text.replace("/usr/bin/java", java)
            .replace("/opt/parkwatch", BUILD.toString())
            .replace("/etc/parkwatch", dir.resolve("etc").toString())
            .replace("/var/lib/parkwatch", dir.resolve("state").toString());
    }

    private void verify(Collection<Path> units) throws Exception {
        List<String> command = new ArrayList<>(List.of(SYSTEMD_ANALYZE.toString(), "verify", "--man=no"));
        units.forEach(unit -> command.add(unit.toString()));
        Process verify = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(verify.exitValue()).as("systemd-analyze verify:%n%s", output).isZero();
        // verify exits 0 on an unknown or unparsable setting, which it only reports and ignores.
        assertThat(output.strip()).as("systemd-analyze verify's warnings").isEmpty();
    }

    /** deploy/systemd's sysusers.d file, applied to an empty root, creates each unit's User= and Group=. */
    private void createsTheUsersTheUnitsRunAs(Collection<Path> units) throws Exception {
        assertThat(SYSTEMD_SYSUSERS).as("systemd-sysusers (Debian's systemd package)").isExecutable();
        Path root = Files.createDirectories(dir.resolve("root").resolve("etc")).getParent();
        Process sysusers = new ProcessBuilder(SYSTEMD_SYSUSERS.toString(), "--root=" + root,
            DEPLOY.resolve("systemd").resolve("parkwatch.sysusers.conf").toString()).redirectErrorStream(true).start();
        String output = new String(sysusers.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sysusers.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sysusers.exitValue()).as("systemd-sysusers:%n%s", output).isZero();
        String passwd = Files.readString(root.resolve("etc").resolve("passwd"));
        String group = Files.readString(root.resolve("etc").resolve("group"));
        for (Path unit : units) {
            SystemdUnit read = SystemdUnit.read(unit);
            assertThat(read.values("User")).hasSize(1)
                .allSatisfy(user -> assertThat(passwd).containsPattern("(?m)^" + user + ":.*:/usr/sbin/nologin$"));
            assertThat(read.values("Group")).hasSize(1)
                .allSatisfy(name -> assertThat(group).containsPattern("(?m)^" + name + ":"));
        }
    }

    /** The test's /etc/parkwatch: the shared file (mode 600, as deployed) and one per service. */
    private Map<String, Integer> writeEnvironmentFiles() throws IOException {
        Path etc = dir.resolve("etc");
        Path shared = etc.resolve("parkwatch.env");
        Files.writeString(shared, String.join("\n",
            "PARKWATCH_KAFKA=" + SharedServers.kafka().bootstrapServers(),
            "PARKWATCH_MQTT=" + mosquitto.uri(),
            "PARKWATCH_MQTT_USER=" + TestAccounts.GATEWAY,
            "PARKWATCH_MQTT_PASSWORD=" + new String(TestAccounts.password(TestAccounts.GATEWAY)),
            "PARKWATCH_INFLUX=" + SharedServers.influxd().url(),
            "PARKWATCH_INFLUX_DB=systemd_" + UUID.randomUUID().toString().replace("-", ""),
            "PARKWATCH_REPLICATION_FACTOR=1",
            // Small heaps and the quick compiler only: four JVMs start at once on a shared machine.
            "PARKWATCH_JAVA_OPTS=-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1", ""));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-------"));
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : SERVICES) {
            int port = freePort();
            ports.put(service, port);
            String key = service.equals("console") ? "PARKWATCH_HTTP_PORT" : "PARKWATCH_METRICS_PORT";
            Files.writeString(etc.resolve(service + ".env"), key + "=" + port + "\n");
        }
        return ports;
    }

    private Process start(String service, SystemdUnit unit) throws IOException {
        Map<String, String> env = unit.environment();
        List<String> command = unit.execStart(env);
        for (String state : unit.values("StateDirectory")) {
            Files.createDirectories(Path.of(rewrite("/var/lib/" + state)));
        }
        List<String> workingDirectory = unit.values("WorkingDirectory");
        ProcessBuilder builder = new ProcessBuilder(command)
            .directory(Path.of(workingDirectory.isEmpty() ? "/" : workingDirectory.get(0)).toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(service + ".log").toFile());
        // systemd starts a service with its own environment only, not the caller's.
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin");
        builder.environment().putAll(env);
        return builder.start();
    }

    private void awaitReady(String service, int port) throws Exception {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            Process process = running.get(service);
            assertThat(process.isAlive()).as("%s exited early (%s):%n%s", service,
                process.isAlive() ? "" : process.exitValue(), log(service)).isTrue();
            try {
                HttpResponse<String> ready = get(port, "/health/ready");
                if (ready.statusCode() == 200) {
                    return;
                }
                last = ready.statusCode() + " " + ready.body();
            } catch (IOException notListeningYet) {
                last = notListeningYet.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError(service + " not ready within " + READY_WITHIN + ": " + last + "\n" + log(service));
    }

    private void stopCleanly(String service, SystemdUnit unit) throws Exception {
        Process process = running.remove(service);
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s stops on SIGTERM", service).isTrue();
        Set<Integer> success = new TreeSet<>(Set.of(0));
        unit.values("SuccessExitStatus").forEach(value -> success.add(Integer.parseInt(value)));
        assertThat(process.exitValue()).as("%s's exit after SIGTERM counts as success to systemd:%n%s",
            service, log(service)).isIn(success);
    }

    private static Set<String> namesInRules() throws IOException {
        Matcher matcher = METRIC.matcher(Files.readString(DEPLOY.resolve("prometheus").resolve("parkwatch-rules.yml")));
        Set<String> names = new TreeSet<>();
        while (matcher.find()) {
            names.add(matcher.group());
        }
        assertThat(names).as("metric names in the rules").isNotEmpty();
        return names;
    }

    private static Set<String> sampleNames(String exposition) {
        return exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
            .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String log(String service) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(service + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
