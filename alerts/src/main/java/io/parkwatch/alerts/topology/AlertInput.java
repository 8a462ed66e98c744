package io.parkwatch.alerts.topology;

import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.contracts.reading.Reading;
import java.util.Objects;

/** What reaches the alert processor: one record per kind of input. */
sealed interface AlertInput {

    /** A reading keyed by its point, judged by the point's rules. */
    record PointReading(Reading reading) implements AlertInput {
        public PointReading {
            Objects.requireNonNull(reading, "reading is required");
        }
    }

    /** A reading re-keyed by its enterprise ({@code park/enterprise/*}), judged by the enterprise-wide rules only. */
    record EnterpriseReading(Reading reading) implements AlertInput {
        public EnterpriseReading {
            Objects.requireNonNull(reading, "reading is required");
        }
    }

    /** An operator's command, re-keyed by the point (or enterprise) its alert id names. */
    record OperatorCommand(AlertCommand command) implements AlertInput {
        public OperatorCommand {
            Objects.requireNonNull(command, "command is required");
        }
    }
}
