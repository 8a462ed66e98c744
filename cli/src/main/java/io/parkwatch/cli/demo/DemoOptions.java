package io.parkwatch.cli.demo;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The demo's settings, validated by the command line.
 *
 * @param speedUp the simulator sends this many times faster than the points' expected intervals
 */
public record DemoOptions(int mqttPort, int kafkaPort, int influxPort, int httpPort, Path dataDir, int enterprises,
                          long seed, double speedUp, int partitions, Duration readyTimeout) {
}
