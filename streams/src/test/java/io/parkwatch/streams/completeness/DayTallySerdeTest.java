package io.parkwatch.streams.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.json.JsonSerde;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DayTallySerdeTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    private static DayTally marked() {
        Instant start = DAY.atStartOfDay(ZONE).toInstant();
        return DayTally.empty("p/e/m1", "p", DAY, Duration.ofSeconds(2))
            .mark(start.plusSeconds(1), ZONE, true)
            .mark(start.plusSeconds(3600), ZONE, false)
            .mark(start.plusSeconds(86_398), ZONE, true);
    }

    private static void assertSameTally(DayTally actual, DayTally expected) {
        assertThat(actual.key()).isEqualTo(expected.key());
        assertThat(actual.park()).isEqualTo(expected.park());
        assertThat(actual.intervalMillis()).isEqualTo(expected.intervalMillis());
        assertThat(actual.receivedSlots()).isEqualTo(expected.receivedSlots());
        assertThat(actual.normalSlots()).isEqualTo(expected.normalSlots());
        assertThat(actual.dirty()).isEqualTo(expected.dirty());
    }

    @Test
    void aTallyReadsBackWithEverySlotAndFlag() {
        DayTallySerde serde = new DayTallySerde();
        DayTally tally = marked();

        assertSameTally(serde.deserialize("t", serde.serialize("t", tally)), tally);
        assertSameTally(serde.deserialize("t", serde.serialize("t", tally.sent())), tally.sent());
    }

    @Test
    void talliesStoredAsJsonByEarlierVersionsAreStillRead() {
        DayTally tally = marked();
        byte[] json = new JsonSerde<>(DayTally.class).serialize("t", tally);

        assertSameTally(new DayTallySerde().deserialize("t", json), tally);
    }

    @Test
    void aRecordInAnAlreadyCountedSlotChangesNothing() {
        DayTally tally = marked();
        Instant again = DAY.atStartOfDay(ZONE).toInstant().plusSeconds(1);

        assertThat(tally.mark(again, ZONE, true)).isSameAs(tally);
        assertThat(tally.mark(again, ZONE, false)).isNotSameAs(tally);
    }
}
