package io.parkwatch.streams.coverage;

import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.contracts.alert.AlertIds;
import io.parkwatch.streams.completeness.DayTally;
import java.time.Instant;

/**
 * What the park stage learns about one point: from the point stage a newer last good reading or
 * a completeness tally of one day, or an operator's acknowledgement of the point's data gap
 * (exactly one of the three is set).
 */
public record PointUpdate(String pointKey, Instant lastGood, DayTally tally, AlertCommand acknowledge) {

    static PointUpdate acknowledge(AlertCommand command) {
        return new PointUpdate(AlertIds.dataGapPoint(command.alertId()), null, null, command);
    }
}
