package io.parkwatch.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.junit.jupiter.api.Test;

class KnownBenignErrorsTest {

    private final KnownBenignErrors filter = new KnownBenignErrors();
    private final ch.qos.logback.classic.Logger logger = new LoggerContext().getLogger("org.apache.kafka.Sender");

    @Test
    void keepsKafkasRetriableOutOfOrderSequenceOffTheTerminalWhetherInTheMessageOrTheCauseChain() {
        assertThat(filter.decide(event("The broker returned org.apache.kafka.common.errors."
            + "OutOfOrderSequenceException for topic-partition parkwatch.readings.v1-0", null)))
            .isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(event("stream thread failed; replacing it",
            new KafkaException("send failed", new OutOfOrderSequenceException("out of order")))))
            .isEqualTo(FilterReply.DENY);
    }

    @Test
    void letsEveryOtherErrorThrough() {
        assertThat(filter.decide(event("InfluxDB unavailable", new IllegalStateException("connection refused"))))
            .isEqualTo(FilterReply.NEUTRAL);
    }

    private LoggingEvent event(String message, Throwable error) {
        return new LoggingEvent("test", logger, Level.ERROR, message, error, null);
    }
}
