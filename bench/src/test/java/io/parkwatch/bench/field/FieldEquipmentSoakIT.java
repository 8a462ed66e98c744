package io.parkwatch.bench.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The field soak, short: 100 JT/T 808 terminals and 20 HJ 212 loggers on the real listeners of a
 * gateway in a child JVM, SIGKILLed halfway and started again. Nothing the gateway answered may
 * be missing from Kafka, and every device must get answers again after the restart.
 */
class FieldEquipmentSoakIT {

    @Test
    void everyReportAnsweredBeforeOrAfterAKillIsInKafkaAndEveryDeviceIsAnsweredAfterTheRestart() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        FieldSoakResult result = new FieldSoak(new FieldSoakSettings(100, 20, Duration.ofSeconds(10),
            Duration.ofSeconds(1), true), new PrintStream(log, true, StandardCharsets.UTF_8)).run();
        result.print(new PrintStream(log, true, StandardCharsets.UTF_8));
        String figures = log.toString(StandardCharsets.UTF_8);

        assertThat(result.kills()).as(figures).isEqualTo(1);
        assertThat(result.accepted()).as(figures).isGreaterThan(result.devices());
        assertThat(result.answeredButMissing()).as(figures).isZero();
        assertThat(result.inKafka()).as(figures).isEqualTo(result.accepted() - result.answeredButMissing());
        assertThat(result.acceptedAfterRestart()).as(figures).isEqualTo(result.devices());
        assertThat(result.connections()).as("every device reconnected after the kill: " + figures)
            .isGreaterThanOrEqualTo(2L * result.devices());
        assertThat(result.refused()).as(figures).isZero();
    }
}
