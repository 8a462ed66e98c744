package io.parkwatch.contracts.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator's command on an open alert, published to {@code parkwatch.alert-commands.v1}
 * (keyed by alert id) and answered by the alerts topology with an {@link AlertEventType#ACKNOWLEDGED}
 * event. An unknown, closed or already acknowledged alert is logged and ignored.
 *
 * @param note free text from the operator; may be empty
 */
public record AlertCommand(String alertId, String operator, String note, Instant at) {

    public AlertCommand {
        Objects.requireNonNull(alertId, "alertId is required");
        Objects.requireNonNull(operator, "operator is required");
        Objects.requireNonNull(at, "at is required");
        note = note == null ? "" : note;
    }
}
