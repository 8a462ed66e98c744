package io.parkwatch.bench.fuzz;

/** The payload formats the gateway reads over MQTT, each fuzzed on its own topic. */
public enum FuzzFormat {
    JSON, HJ212, JT808
}
