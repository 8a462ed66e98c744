package io.parkwatch.infra.influx;

import io.parkwatch.infra.net.LoopbackPorts;
import io.parkwatch.infra.net.PortInUseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local influxd (InfluxDB 1.x) child process on a loopback port with a private data directory.
 *
 * <p>Nothing global is registered. A caller whose JVM may exit without closing this (for example
 * the all-in-one CLI) adds its own hook: {@code Runtime.getRuntime().addShutdownHook(new
 * Thread(influxd::close))}. {@link #processHandle()} lets callers and tests check the process.
 */
public final class InfluxdProcess implements AutoCloseable {

    static final String CONFIG_FILE = "influxd.conf";
    static final String LOG_FILE = "influxd.log";
    static final String PREVIOUS_LOG_FILE = "influxd.previous.log";

    private static final int START_ATTEMPTS = 3;
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    private static final int LOG_TAIL_LINES = 20;

    private final Process process;
    private final String host;
    private final int port;
    private final Path dataDir;
    private final Duration startupTime;
    private final InfluxdPidFile pidFile;
    private final AtomicBoolean closed = new AtomicBoolean();

    private InfluxdProcess(Process process, String host, int port, Path dataDir, Duration startupTime) {
        this.process = process;
        this.host = host;
        this.port = port;
        this.dataDir = dataDir;
        this.startupTime = startupTime;
        this.pidFile = new InfluxdPidFile(dataDir);
    }

    /**
     * Starts influxd and returns once {@code GET /ping} answers 204.
     *
     * @throws PortInUseException when an explicit port is taken
     * @throws InfluxdStartException when influxd is missing, exits, or is not ready in time
     */
    public static InfluxdProcess start(InfluxdConfig config) {
        LoopbackPorts.requireFree(config.host(), config.port(), InfluxdConfig.PORT_FLAG);
        Path binary = InfluxdBinary.locate(config.binary());
        Path dataDir = config.dataDir().toAbsolutePath();
        createDirectories(dataDir);
        InfluxdPidFile pidFile = new InfluxdPidFile(dataDir);
        pidFile.requireNoLiveOwner();
        InfluxdStartException lastFailure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                InfluxdProcess started = launch(binary, config, dataDir);
                pidFile.write(started.pid());
                return started;
            } catch (BindRaceException e) {
                if (config.port() != 0 && e.getMessage().contains(":" + config.port() + ": bind")) {
                    throw new PortInUseException(config.host(), config.port(), InfluxdConfig.PORT_FLAG);
                }
                // A port we picked was taken between checking and binding; pick again.
                lastFailure = e.failure;
            }
        }
        throw lastFailure;
    }

    private static InfluxdProcess launch(Path binary, InfluxdConfig config, Path dataDir) {
        int httpPort = config.port() == 0 ? LoopbackPorts.freePort() : config.port();
        int rpcPort = LoopbackPorts.freePort();
        while (rpcPort == httpPort) {
            rpcPort = LoopbackPorts.freePort();
        }
        Path configFile = dataDir.resolve(CONFIG_FILE);
        Path log = dataDir.resolve(LOG_FILE);
        writeConfig(configFile, InfluxdConfigFile.render(config.host(), httpPort, rpcPort, dataDir));
        keepPreviousLog(log, dataDir.resolve(PREVIOUS_LOG_FILE));
        ProcessBuilder builder = new ProcessBuilder(List.of(binary.toString(), "-config", configFile.toString()))
            .directory(dataDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        dropInfluxEnvironment(builder.environment());
        long startedAt = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new InfluxdStartException("cannot run " + binary + ": " + e.getMessage() + "; "
                + InfluxdBinary.INSTALL_HINT, e);
        }
        String url = baseUrl(config.host(), httpPort);
        try {
            awaitReady(process, url, config.startTimeout(), log);
        } catch (RuntimeException e) {
            stop(process);
            throw e;
        }
        Duration startup = Duration.ofNanos(System.nanoTime() - startedAt);
        return new InfluxdProcess(process, config.host(), httpPort, dataDir, startup);
    }

    // influxd applies INFLUXDB_* variables over the config file (INFLUXDB_HTTP_BIND_ADDRESS
    // would move it off loopback), so the child gets none of them.
    private static void dropInfluxEnvironment(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("INFLUXDB_"));
    }

    private static void awaitReady(Process process, String url, Duration timeout, Path log) {
        HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
        HttpRequest ping = HttpRequest.newBuilder(URI.create(url + "/ping")).timeout(Duration.ofSeconds(1)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String tail = LogTail.of(log, LOG_TAIL_LINES);
                InfluxdStartException failure = new InfluxdStartException("influxd exited with code "
                    + process.exitValue() + " while starting on " + url + "; log " + log + " ends with:\n" + tail);
                throw tail.contains("address already in use") ? new BindRaceException(failure) : failure;
            }
            if (answersPing(http, ping)) {
                return;
            }
            sleep(POLL_INTERVAL);
        }
        throw new InfluxdStartException("influxd did not answer " + url + "/ping with 204 within " + timeout
            + "; log " + log + " ends with:\n" + LogTail.of(log, LOG_TAIL_LINES));
    }

    private static boolean answersPing(HttpClient http, HttpRequest ping) {
        try {
            HttpResponse<Void> answer = http.send(ping, HttpResponse.BodyHandlers.discarding());
            // The version header tells influxd apart from anything else that grabbed the port.
            return answer.statusCode() == 204 && answer.headers().firstValue("X-Influxdb-Version").isPresent();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfluxdStartException("interrupted while waiting for influxd", e);
        }
    }

    /** Base URL of the HTTP API, e.g. {@code http://127.0.0.1:8086}. */
    public String url() {
        return baseUrl(host, port);
    }

    private static String baseUrl(String host, int port) {
        String bindHost = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + bindHost + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return dataDir.resolve(LOG_FILE);
    }

    public ProcessHandle processHandle() {
        return process.toHandle();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** From launching the process until {@code /ping} answered. */
    public Duration startupTime() {
        return startupTime;
    }

    /** SIGTERM, wait for a clean shutdown (it flushes the WAL), then SIGKILL. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stop(process);
        pidFile.delete();
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void createDirectories(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create influxd data directory " + dataDir, e);
        }
    }

    private static void writeConfig(Path file, String toml) {
        try {
            Files.writeString(file, toml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write influxd config " + file, e);
        }
    }

    private static void keepPreviousLog(Path log, Path previous) {
        try {
            if (Files.exists(log)) {
                Files.move(log, previous, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate influxd log " + log, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfluxdStartException("interrupted while waiting for influxd", e);
        }
    }

    /** A start that failed only because a port was taken in the meantime; worth another try. */
    private static final class BindRaceException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient InfluxdStartException failure;

        BindRaceException(InfluxdStartException failure) {
            super(failure.getMessage(), failure);
            this.failure = failure;
        }
    }
}
