package io.parkwatch.console.board;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The operators' view of alerts: open ones and the recently cleared. */
public interface AlertBoard {

    /** Matching alerts, most severe first, then most recently changed first. */
    List<BoardAlert> find(AlertFilter filter);

    /** The alert with this id, if it is open or still among the recently cleared. */
    Optional<BoardAlert> alert(String alertId);

    /**
     * Calls {@code listener} with each alert after it changed, on the thread that folded the
     * change: the listener must not block. Closing the returned handle stops the calls.
     */
    AutoCloseable subscribe(Consumer<BoardAlert> listener);
}
