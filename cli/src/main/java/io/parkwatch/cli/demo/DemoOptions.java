package io.parkwatch.cli.demo;

import io.parkwatch.simulator.park.SimulatedPark;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The demo's settings, validated by the command line.
 *
 * @param park    the sample park the simulator plays and the gateway accepts
 * @param speedUp the simulator sends this many times faster than the points' expected intervals
 * @param hj212Port where HJ 212 data loggers connect over TCP (on 127.0.0.1)
 * @param tls       also serve MQTT over TLS on {@code mqttTlsPort}, with the files of {@link DemoTls}
 */
public record DemoOptions(int mqttPort, int kafkaPort, int influxPort, int httpPort, Path dataDir, SimulatedPark park,
                          double speedUp, int partitions, Duration readyTimeout, int hj212Port, int jt808Port,
                          boolean tls, int mqttTlsPort) {
}
