package io.parkwatch.bench.chaos;

import io.parkwatch.infra.mqtt.MqttPersistence;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoBroker;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoConfig;
import io.parkwatch.infra.net.LoopbackPorts;
import io.parkwatch.infra.process.ChildJvm;
import io.parkwatch.testkit.process.HiveMqNodeMain;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The run's MQTT broker on a fixed port, with sessions on disk, that the run stops and starts again. */
abstract class MqttNode implements AutoCloseable {

    final int port = LoopbackPorts.freePort();

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** How the step stops the broker, for the figures. */
    abstract String stopSignal();

    abstract void stop() throws InterruptedException;

    abstract void restart() throws IOException, InterruptedException;

    /**
     * Mosquitto, the production broker. Stopped with SIGTERM: Mosquitto keeps sessions and queued
     * messages in memory and writes them to disk only as a snapshot (on exit and every autosave
     * interval), so a SIGKILL loses what it acknowledged to publishers since the last snapshot,
     * whatever parkwatch does. That is the broker's contract, not the pipeline's.
     */
    static MqttNode mosquitto(Path dir, StaticAccessPolicy policy) {
        return new Mosquitto(dir, policy);
    }

    /** The embedded HiveMQ CE in a process of its own, file persistence: killed with SIGKILL. */
    static MqttNode hivemq(Path dir, Path logins, String gatewayUser, Path log) {
        return new HiveMq(dir, logins, gatewayUser, log);
    }

    private static final class Mosquitto extends MqttNode {

        private final MosquittoConfig config;
        private MosquittoBroker broker;

        Mosquitto(Path dir, StaticAccessPolicy policy) {
            this.config = MosquittoConfig.defaults(dir, policy).withPort(port).withPersistence(MqttPersistence.FILE);
        }

        @Override
        String stopSignal() {
            return "SIGTERM";
        }

        @Override
        void stop() {
            broker.close();
        }

        @Override
        void restart() {
            broker = MosquittoBroker.start(config);
        }

        @Override
        public void close() {
            if (broker != null) {
                broker.close();
            }
        }
    }

    private static final class HiveMq extends MqttNode {

        private final Path dir;
        private final Path logins;
        private final String gatewayUser;
        private final Path log;
        private ChildJvm jvm;

        HiveMq(Path dir, Path logins, String gatewayUser, Path log) {
            this.dir = dir;
            this.logins = logins;
            this.gatewayUser = gatewayUser;
            this.log = log;
        }

        @Override
        String stopSignal() {
            return "SIGKILL";
        }

        @Override
        void stop() throws InterruptedException {
            jvm.kill();
        }

        @Override
        void restart() throws IOException, InterruptedException {
            jvm = ChildJvm.start("hivemq", List.of("-Xmx512m", "-XX:+UseSerialGC"), HiveMqNodeMain.class.getName(),
                List.of(dir.toString(), String.valueOf(port), logins.toString(), gatewayUser), Map.of(), log,
                HiveMqNodeMain.READY, Duration.ofSeconds(120));
        }

        @Override
        public void close() {
            if (jvm != null) {
                jvm.killQuietly();
            }
        }
    }
}
