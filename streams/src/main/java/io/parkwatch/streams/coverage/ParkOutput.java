package io.parkwatch.streams.coverage;

import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.completeness.CompletenessRow;
import io.parkwatch.contracts.coverage.CoverageRow;
import java.util.Objects;

/**
 * What the park stage emits: one kind per output topic, so the topology routes each by its type
 * and no consumer of the stage sees an untyped value.
 */
sealed interface ParkOutput {

    /** A park's or enterprise's coverage of a plan row, for the coverage topic. */
    record Coverage(CoverageRow row) implements ParkOutput {
        public Coverage {
            Objects.requireNonNull(row, "row is required");
        }
    }

    /** An event of a point's data-gap alert, for the alerts topic. */
    record DataGap(AlertEvent event) implements ParkOutput {
        public DataGap {
            Objects.requireNonNull(event, "event is required");
        }
    }

    /** A point's, enterprise's or park's completeness of one day, for the completeness topic. */
    record Completeness(CompletenessRow row) implements ParkOutput {
        public Completeness {
            Objects.requireNonNull(row, "row is required");
        }
    }

    /** The coverage row this output carries, or null when it is another kind. */
    default CoverageRow coverageRow() {
        return this instanceof Coverage coverage ? coverage.row() : null;
    }

    /** The data-gap event this output carries, or null when it is another kind. */
    default AlertEvent dataGapEvent() {
        return this instanceof DataGap gap ? gap.event() : null;
    }

    /** The completeness row this output carries, or null when it is another kind. */
    default CompletenessRow completenessRow() {
        return this instanceof Completeness completeness ? completeness.row() : null;
    }
}
