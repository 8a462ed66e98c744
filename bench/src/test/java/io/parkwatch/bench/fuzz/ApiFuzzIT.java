package io.parkwatch.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.testkit.SharedServers;
import org.junit.jupiter.api.Test;

/**
 * {@code parkwatch bench fuzz}'s API half, small: malformed requests on every endpoint of the
 * console answer a 4xx with a JSON error (or, where the request is acceptable after all, a 2xx),
 * never a 5xx, never an exception's text.
 */
class ApiFuzzIT {

    private static final int REQUESTS = 400;

    @Test
    void malformedRequestsGetA4xxWithAJsonErrorNeverA5xxOrAnExceptionText() throws Exception {
        try (FuzzConsole console = FuzzConsole.start(SharedServers.kafka().bootstrapServers(),
                SharedServers.influxd().url(), "fuzz_it", SharedServers.directory("api-fuzz"))) {
            ApiFuzzReport report = console.fuzz().run(REQUESTS, 20L);
            System.out.print(report.text());
            assertThat(report.violations()).as("answers that broke the contract").isEmpty();
            assertThat(report.count(401)).as("401 answers").isPositive();
            assertThat(report.count(405)).as("405 answers").isPositive();
            assertThat(report.count(400)).as("400 answers").isPositive();
        }
    }
}
