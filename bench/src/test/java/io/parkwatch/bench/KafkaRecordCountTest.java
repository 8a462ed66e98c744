package io.parkwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaRecordCountTest {

    @Test
    void pollsOftenOnlyNearTheTarget() {
        // 10,000 records in 1 s so far: 0.1 ms each.
        assertThat(KafkaRecordCount.pause(1_000_000, 10_000, 1_000_000_000L)).isEqualTo(250);
        assertThat(KafkaRecordCount.pause(1_000, 10_000, 1_000_000_000L)).isEqualTo(50);
        assertThat(KafkaRecordCount.pause(10, 10_000, 1_000_000_000L)).isEqualTo(5);
    }

    @Test
    void pollsAtTheShortestPauseBeforeAnyRecordArrived() {
        assertThat(KafkaRecordCount.pause(1_000, 0, 1_000_000_000L)).isEqualTo(5);
    }
}
