package io.parkwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkwatch.testkit.SharedServers;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code parkwatch bench gateway} as a user runs it, in a JVM of its own with a small count: it
 * prints the three rates with matching counts and the two ratios, and writes the same as JSON.
 * Nothing here asserts a speed.
 */
class GatewayBenchProcessIT {

    private static final int MESSAGES = 2_000;
    /** Arrays, so that the run also proves the raw producer sends what the gateway makes of them. */
    private static final int READINGS_PER_MESSAGE = 3;
    /** Two connections in the share group, so that the gateway's count proves they split the load without loss. */
    private static final int MQTT_CONNECTIONS = 2;

    @Test
    void printsTheGatewayRawProducerAndBrokerAloneRatesWithMatchingCounts() throws Exception {
        Path json = SharedServers.directory("bench").resolve("bench.json");
        ChildCli bench = ChildCli.run("gateway", "--messages", String.valueOf(MESSAGES), "--warm-up", "200",
            "--readings-per-message", String.valueOf(READINGS_PER_MESSAGE), "--mqtt-connections",
            String.valueOf(MQTT_CONNECTIONS), "--json", json.toString());
        String output = bench.output();
        System.out.println(output);
        assertThat(bench.exitCode()).as("exit code; output:%n%s", output).isZero();

        assertRate(output, "gateway", "in Kafka");
        assertRate(output, "raw producer", "acked");
        assertRate(output, "broker alone", "received");
        assertThat(output).contains("--readings-per-message " + READINGS_PER_MESSAGE)
            .contains("--mqtt-connections " + MQTT_CONNECTIONS).contains("load average")
            .containsPattern("gateway / raw producer: \\d+\\.\\d{3}")
            .containsPattern("gateway / broker alone: \\d+\\.\\d{3}");

        JsonNode results = new ObjectMapper().readTree(json.toFile());
        for (String phase : List.of("gateway", "rawProducer", "brokerAlone")) {
            assertThat(results.path(phase).path("arrived").asLong()).as(phase).isEqualTo(MESSAGES);
            assertThat(results.path(phase).path("readingsArrived").asLong()).as(phase)
                .isEqualTo((long) MESSAGES * READINGS_PER_MESSAGE);
            assertThat(results.path(phase).path("messagesPerSecond").asDouble()).as(phase).isPositive();
        }
        assertThat(results.path("gatewayToRawProducer").asDouble()).isPositive();
    }

    private static void assertRate(String output, String phase, String arrived) {
        Matcher line = Pattern.compile(Pattern.quote(phase) + ":\\s+(\\d+) msg/s .*; (\\d+) sent, (\\d+) "
            + Pattern.quote(arrived)).matcher(output);
        assertThat(line.find()).as("a %s line in:%n%s", phase, output).isTrue();
        assertThat(Long.parseLong(line.group(1))).as("%s rate", phase).isPositive();
        assertThat(Long.parseLong(line.group(2))).as("%s sent", phase).isEqualTo(MESSAGES);
        assertThat(Long.parseLong(line.group(3))).as("%s arrived", phase).isEqualTo(MESSAGES);
    }
}
