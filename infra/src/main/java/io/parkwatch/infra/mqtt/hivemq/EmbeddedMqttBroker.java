package io.parkwatch.infra.mqtt.hivemq;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import io.parkwatch.infra.mqtt.MqttBroker;
import io.parkwatch.infra.mqtt.MqttPersistence;
import io.parkwatch.infra.mqtt.MqttTlsListener;
import io.parkwatch.infra.net.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** HiveMQ Community Edition running inside this JVM: the zero-install default MQTT broker. */
public final class EmbeddedMqttBroker implements MqttBroker {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMqttBroker.class);
    private static final long START_TIMEOUT_SECONDS = 60;
    private static final long STOP_TIMEOUT_SECONDS = 30;
    /**
     * Unacknowledged QoS 1/2 PUBLISHes HiveMQ sends one client at a time. HiveMQ CE hard-codes 50
     * (no config.xml key) and sends min(this, the client's receive maximum); 50 throttled the
     * gateway, whose manual acks wait for Kafka, to a few thousand messages per second.
     */
    public static final int MAX_INFLIGHT_WINDOW = 1_000;

    private final EmbeddedHiveMQ hivemq;
    private final String host;
    private final int port;
    /** The TLS listener's port; 0 when there is none. */
    private final int tlsPort;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedMqttBroker(EmbeddedHiveMQ hivemq, String host, int port, int tlsPort) {
        this.hivemq = hivemq;
        this.host = host;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    /**
     * Starts the broker and returns once its listener accepts connections.
     *
     * @throws io.parkwatch.infra.net.PortInUseException when an explicit port is taken
     */
    public static EmbeddedMqttBroker start(EmbeddedMqttConfig config) {
        LoopbackPorts.requireFree(config.host(), config.port(), PORT_FLAG);
        MqttTlsListener tls = config.tls();
        if (tls != null) {
            LoopbackPorts.requireFree(config.host(), tls.port(), MqttTlsListener.PORT_FLAG);
        }
        int port = config.port() == 0 ? LoopbackPorts.freePort() : config.port();
        int tlsPort = tls == null ? 0 : tls.port() == 0 ? LoopbackPorts.freePort() : tls.port();
        long started = System.nanoTime();
        EmbeddedHiveMQ hivemq = build(config, port, tlsPort);
        EmbeddedMqttBroker broker = new EmbeddedMqttBroker(hivemq, config.host(), port, tlsPort);
        try {
            hivemq.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            // HiveMQ logs a listener that failed to bind (or a key store it cannot read) and still
            // reports a successful start.
            broker.requireListening(port);
            if (tlsPort != 0) {
                broker.requireListening(tlsPort);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broker.close();
            throw new IllegalStateException("interrupted while starting the MQTT broker", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            broker.close();
            throw new IllegalStateException("embedded MQTT broker failed to start on " + config.host() + ":" + port
                + ": " + e.getMessage(), e);
        }
        LOG.info("embedded HiveMQ listening on {}{} ({} persistence) after {} ms", broker.uri(),
            broker.tlsUri().map(uri -> " and " + uri).orElse(""), config.persistence(),
            (System.nanoTime() - started) / 1_000_000);
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

    /** The TLS listener's port; 0 without one. */
    public int tlsPort() {
        return tlsPort;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            hivemq.stop().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("embedded HiveMQ did not stop cleanly: {}", e.toString());
        } finally {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            hivemq.close();
        } catch (ExecutionException e) {
            LOG.warn("embedded HiveMQ close failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static EmbeddedHiveMQ build(EmbeddedMqttConfig config, int port, int tlsPort) {
        Path root = config.dataDir().toAbsolutePath();
        Path conf = root.resolve("conf");
        Path data = root.resolve("data");
        // An empty folder of our own, so that no extension lying around elsewhere gets loaded.
        Path extensions = root.resolve("extensions");
        try {
            Files.createDirectories(conf);
            Files.createDirectories(data);
            Files.createDirectories(extensions);
            HiveMqTlsStores tls = config.tls() == null ? null : HiveMqTlsStores.write(config.tls(), conf, tlsPort);
            // Private: with a TLS listener it holds the key stores' password.
            Path xml = conf.resolve("config.xml");
            Files.deleteIfExists(xml);
            Files.createFile(xml, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(xml, HiveMqConfigXml.render(config, port, tls));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare HiveMQ directory " + root, e);
        }
        if (config.persistence() == MqttPersistence.FILE) {
            // After a crash (SIGKILL, power loss) HiveMQ would never send these again, and would stop waking
            // the gateway for new messages; see StaleSharedDeliveries.
            int released = StaleSharedDeliveries.release(data);
            if (released > 0) {
                LOG.info("{} shared-subscription messages were in flight when HiveMQ last stopped without closing "
                    + "its connections; they will be delivered again", released);
            }
        }
        // A JVM-wide static of HiveMQ's, read per delivery; every embedded broker wants the same.
        InternalConfigurations.MAX_INFLIGHT_WINDOW_SIZE_MESSAGES = MAX_INFLIGHT_WINDOW;
        EmbeddedExtension extension = EmbeddedExtension.builder()
            .withId("parkwatch-access-policy")
            .withName("parkwatch access policy")
            .withVersion("1")
            .withPriority(1000)
            .withStartPriority(1000)
            .withExtensionMain(new PolicyExtension(config.policy()))
            .build();
        return EmbeddedHiveMQ.builder()
            .withConfigurationFolder(conf)
            .withDataFolder(data)
            .withExtensionsFolder(extensions)
            .withEmbeddedExtension(extension)
            // Leaves logging to the host application instead of HiveMQ's own logback setup.
            .withoutLoggingBootstrap()
            .build();
    }

    private void requireListening(int listenerPort) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, listenerPort), 2_000);
        } catch (IOException e) {
            throw new IllegalStateException("listener on " + host + ":" + listenerPort + " is not accepting connections",
                e);
        }
    }
}
