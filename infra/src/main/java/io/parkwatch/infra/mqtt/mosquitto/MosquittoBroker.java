package io.parkwatch.infra.mqtt.mosquitto;

import io.parkwatch.infra.mqtt.MqttBroker;
import io.parkwatch.infra.mqtt.MqttPersistence;
import io.parkwatch.infra.mqtt.MqttTlsListener;
import io.parkwatch.infra.net.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Mosquitto as a child process on a loopback port, with a private directory: the production-like broker. */
public final class MosquittoBroker implements MqttBroker {

    private static final Logger LOG = LoggerFactory.getLogger(MosquittoBroker.class);
    private static final long STOP_GRACE_SECONDS = 10;
    private static final int LOG_TAIL_LINES = 20;

    private final Process process;
    private final String host;
    private final int port;
    /** The TLS listener's port; 0 when there is none. */
    private final int tlsPort;
    private final Path logFile;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MosquittoBroker(Process process, String host, int port, int tlsPort, Path logFile) {
        this.process = process;
        this.host = host;
        this.port = port;
        this.tlsPort = tlsPort;
        this.logFile = logFile;
        // Stops the child if the JVM exits without closing us; nothing helps against kill -9.
        this.shutdownHook = new Thread(process::destroy, "mosquitto-" + port + "-shutdown");
    }

    /**
     * Renders the config, password file and ACL into {@code config.dir()}, starts
     * {@code mosquitto -c} and returns once the port accepts connections.
     *
     * @throws io.parkwatch.infra.net.PortInUseException when an explicit port is taken
     */
    public static MosquittoBroker start(MosquittoConfig config) {
        LoopbackPorts.requireFree(config.host(), config.port(), PORT_FLAG);
        if (!Files.isExecutable(config.executable())) {
            throw new IllegalStateException("no mosquitto at " + config.executable()
                + "; install it (Debian: apt-get install mosquitto)");
        }
        if (config.tls() != null) {
            LoopbackPorts.requireFree(config.host(), config.tls().port(), MqttTlsListener.PORT_FLAG);
            // Mosquitto would exit with its own message in its log; this names the file in one line.
            config.tls().read();
        }
        int port = config.port() == 0 ? LoopbackPorts.freePort() : config.port();
        int tlsPort = config.tls() == null ? 0 : config.tls().port() == 0 ? LoopbackPorts.freePort()
            : config.tls().port();
        Path dir = config.dir().toAbsolutePath();
        Path conf = dir.resolve("mosquitto.conf");
        Path log = dir.resolve("mosquitto.log");
        long started = System.nanoTime();
        Process process = launch(config, dir, conf, log, port, tlsPort);
        MosquittoBroker broker = new MosquittoBroker(process, config.host(), port, tlsPort, log);
        Runtime.getRuntime().addShutdownHook(broker.shutdownHook);
        try {
            broker.awaitListening(port, started + config.startTimeout().toNanos());
            if (tlsPort != 0) {
                broker.awaitListening(tlsPort, started + config.startTimeout().toNanos());
            }
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        LOG.info("mosquitto (pid {}) listening on {}{} after {} ms", process.pid(), broker.uri(),
            broker.tlsUri().map(uri -> " and " + uri).orElse(""), (System.nanoTime() - started) / 1_000_000);
        return broker;
    }

    @Override
    public String uri() {
        return "tcp://" + host + ":" + port;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Optional<String> tlsUri() {
        return tlsPort == 0 ? Optional.empty() : Optional.of("ssl://" + host + ":" + tlsPort);
    }

    /** The operating-system process id, e.g. to check that nothing outlives {@link #close()}. */
    public long pid() {
        return process.pid();
    }

    /** SIGTERM, which also makes Mosquitto write its persistence file; SIGKILL after a grace period. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // The JVM is already shutting down and the hook is running or has run.
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("mosquitto (pid {}) ignored SIGTERM for {} s; killing it", process.pid(), STOP_GRACE_SECONDS);
                process.destroyForcibly().waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Process launch(MosquittoConfig config, Path dir, Path conf, Path log, int port, int tlsPort) {
        try {
            Files.createDirectories(dir);
            if (config.persistence() == MqttPersistence.FILE) {
                Files.createDirectories(dir.resolve("data"));
            }
            MosquittoFiles.AuthFiles auth = MosquittoFiles.writeAuthFiles(config.policy(), dir);
            boolean keepRoot = "root".equals(System.getProperty("user.name"));
            MosquittoFiles.writePrivate(conf, MosquittoFiles.brokerConfig(config, port, tlsPort, auth, keepRoot));
            return new ProcessBuilder(config.executable().toString(), "-c", conf.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mosquitto in " + dir, e);
        }
    }

    private void awaitListening(int listenerPort, long deadlineNanos) {
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ":\n" + logTail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, listenerPort), 200);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadlineNanos) {
                    throw new IllegalStateException("mosquitto did not listen on " + host + ":" + listenerPort
                        + " in time:\n" + logTail());
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for mosquitto", e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
