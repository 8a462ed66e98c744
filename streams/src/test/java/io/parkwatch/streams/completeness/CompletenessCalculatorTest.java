package io.parkwatch.streams.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.completeness.CompletenessRow;
import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.streams.coverage.CoverageConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompletenessCalculatorTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final Instant START = DAY.atStartOfDay(SHANGHAI).toInstant();
    private static final Instant NEXT_DAY = START.plus(Duration.ofDays(1));
    private static final EnterpriseEntry KEY_USER = new EnterpriseEntry("p", "e1", "E1",
        Set.of(EnterpriseClass.KEY_ENERGY_USER));

    private final CompletenessCalculator calculator = new CompletenessCalculator(CoverageConfig.defaults());

    private static PointEntry point(String id, String kind, Duration interval) {
        return new PointEntry("p", "e1", id, Module.ENERGY, kind, interval, null, null);
    }

    @Test
    void aHourlyMeterMissingThreeHoursIs21Of24AndMissesTheKeyEnergyTarget() {
        PointEntry meter = point("elec", "electricity-meter", Duration.ofHours(1));
        DayTally tally = DayTally.empty(meter.pointKey(), "p", DAY, meter.expectedInterval());
        for (int hour = 0; hour < 24; hour++) {
            if (hour < 5 || hour > 7) {
                tally = tally.mark(START.plus(Duration.ofHours(hour)).plusSeconds(20), SHANGHAI, true);
                // A second metric of the same report and a redelivery fill no extra slot.
                tally = tally.mark(START.plus(Duration.ofHours(hour)).plusSeconds(21), SHANGHAI, true);
            }
        }
        CompletenessRow row = calculator.pointRow(meter, KEY_USER, tally, DAY, SHANGHAI, NEXT_DAY.plusSeconds(600));
        assertThat(row.expected()).isEqualTo(24);
        assertThat(row.received()).isEqualTo(21);
        assertThat(row.ratio()).isEqualTo(0.875);
        assertThat(row.ratioTarget()).isEqualTo(0.9);
        assertThat(row.compliant()).isFalse();
        assertThat(row.ratedHours()).as("the flue-gas rule is not for meters").isZero();
    }

    @Test
    void aRecordInAnAlreadyCountedSlotLeavesTheTallyAsItIsSoNothingIsStoredAgain() {
        DayTally tally = DayTally.empty("p/e1/elec", "p", DAY, Duration.ofMinutes(1))
            .mark(START.plusSeconds(5), SHANGHAI, true);
        assertThat(tally.mark(START.plusSeconds(30), SHANGHAI, true)).as("same slot, normal").isSameAs(tally);

        DayTally flagged = tally.mark(START.plusSeconds(40), SHANGHAI, false);
        assertThat(flagged).as("a flag in a counted slot is news").isNotSameAs(tally);
        assertThat(flagged.flagged()).isNotEmpty();
        assertThat(flagged.mark(START.plusSeconds(50), SHANGHAI, false)).isSameAs(flagged);
        assertThat(flagged.mark(START.plusSeconds(55), SHANGHAI, true)).as("normal does not unflag").isSameAs(flagged);
        assertThat(flagged.mark(START.plusSeconds(60), SHANGHAI, true)).as("the next slot").isNotSameAs(flagged);
    }

    @Test
    void aDayInProgressExpectsOnlyItsEndedSlots() {
        PointEntry meter = point("elec", "electricity-meter", Duration.ofHours(1));
        DayTally tally = DayTally.empty(meter.pointKey(), "p", DAY, meter.expectedInterval());
        for (int hour = 0; hour <= 10; hour++) {
            tally = tally.mark(START.plus(Duration.ofHours(hour)), SHANGHAI, true);
        }
        Instant tenThirty = START.plus(Duration.ofMinutes(630));
        CompletenessRow row = calculator.pointRow(meter, KEY_USER, tally, DAY, SHANGHAI, tenThirty);
        assertThat(row.expected()).isEqualTo(10);
        assertThat(row.received()).isEqualTo(10);
        assertThat(row.compliant()).isTrue();
    }

    @Test
    void anHourIsValidOnlyWithAtLeast75PercentOfItsValuesNormal() {
        PointEntry stack = new PointEntry("p", "e1", "stack", Module.ENVIRONMENT, "cems-stack", Duration.ofMinutes(10),
            null, null);
        DayTally tally = DayTally.empty(stack.pointKey(), "p", DAY, stack.expectedInterval());
        for (int slot = 0; slot < 144; slot++) {
            int hour = slot / 6;
            int inHour = slot % 6;
            boolean missing = hour == 3 && inHour >= 4;
            boolean flagged = hour == 1 && inHour == 0 || hour == 2 && inHour >= 4;
            if (!missing) {
                tally = tally.mark(START.plus(Duration.ofMinutes(10L * slot)), SHANGHAI, !flagged);
            }
        }
        CompletenessRow row = calculator.pointRow(stack, KEY_USER, tally, DAY, SHANGHAI, NEXT_DAY);
        // hour 1: 5 of 6 normal (83 %) valid; hour 2: 4 of 6 (67 %) invalid; hour 3: 4 of 6 arrived, invalid.
        assertThat(row.ratedHours()).isEqualTo(24);
        assertThat(row.validHours()).isEqualTo(22);
        assertThat(row.received()).isEqualTo(142);
        assertThat(row.normal()).isEqualTo(139);
        assertThat(row.validHourTarget()).isEqualTo(0.75);
        assertThat(row.ratioTarget()).isNull();
        assertThat(row.compliant()).isTrue();
    }

    @Test
    void aPointWithoutAnyRecordIsZeroPercentComplete() {
        PointEntry meter = point("elec", "water-meter", Duration.ofMinutes(15));
        CompletenessRow row = calculator.pointRow(meter, KEY_USER, null, DAY, SHANGHAI, NEXT_DAY);
        assertThat(row.expected()).isEqualTo(96);
        assertThat(row.received()).isZero();
        assertThat(row.ratio()).isZero();
    }

    @Test
    void rollUpsAddSlotsAndCountCompliantPoints() {
        PointEntry meter = point("elec", "electricity-meter", Duration.ofHours(1));
        PointEntry water = point("water", "water-meter", Duration.ofHours(1));
        DayTally full = DayTally.empty(meter.pointKey(), "p", DAY, Duration.ofHours(1));
        for (int hour = 0; hour < 24; hour++) {
            full = full.mark(START.plus(Duration.ofHours(hour)), SHANGHAI, true);
        }
        List<CompletenessRow> points = List.of(calculator.pointRow(meter, KEY_USER, full, DAY, SHANGHAI, NEXT_DAY),
            calculator.pointRow(water, KEY_USER, null, DAY, SHANGHAI, NEXT_DAY));
        List<CompletenessRow> rolled = CompletenessRollup.rollUp("p", DAY, points, NEXT_DAY);
        assertThat(rolled).extracting(CompletenessRow::key).containsExactly("p/e1|2026-11-23", "p|2026-11-23");
        CompletenessRow parkRow = rolled.get(1);
        assertThat(parkRow.expected()).isEqualTo(48);
        assertThat(parkRow.received()).isEqualTo(24);
        assertThat(parkRow.points()).isEqualTo(2);
        assertThat(parkRow.compliantPoints()).isEqualTo(1);
    }
}
