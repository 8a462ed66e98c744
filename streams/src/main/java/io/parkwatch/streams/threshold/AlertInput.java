package io.parkwatch.streams.threshold;

import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.contracts.reading.Reading;

/** What reaches the alert processor: a reading or an operator's command, both keyed by point. */
public record AlertInput(Reading reading, AlertCommand command) {

    static AlertInput of(Reading reading) {
        return new AlertInput(reading, null);
    }

    static AlertInput of(AlertCommand command) {
        return new AlertInput(null, command);
    }
}
