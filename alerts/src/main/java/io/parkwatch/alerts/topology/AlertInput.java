package io.parkwatch.alerts.topology;

import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.contracts.reading.Reading;

/**
 * What reaches the alert processor: a reading or an operator's command, both keyed by point, or
 * a reading re-keyed by its enterprise ({@code park/enterprise/*}) for the enterprise-wide rules.
 *
 * @param forEnterprise the reading is to be judged by the enterprise-wide rules only
 */
public record AlertInput(Reading reading, AlertCommand command, boolean forEnterprise) {

    static AlertInput of(Reading reading) {
        return new AlertInput(reading, null, false);
    }

    static AlertInput forEnterprise(Reading reading) {
        return new AlertInput(reading, null, true);
    }

    static AlertInput of(AlertCommand command) {
        return new AlertInput(null, command, false);
    }
}
