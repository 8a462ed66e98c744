package io.parkwatch.console.board;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an alert stands as the operators see it. */
public enum AlertState {
    OPEN,
    ACKNOWLEDGED,
    CLEARED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
