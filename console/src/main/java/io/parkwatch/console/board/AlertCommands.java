package io.parkwatch.console.board;

import io.parkwatch.contracts.alert.AlertCommand;

/** Sends operators' commands to the alert lifecycle, which lives in the streams topologies. */
public interface AlertCommands {

    /**
     * Returns once the command is durably accepted.
     *
     * @throws CommandNotSentException when the command could not be handed over (a dependency failed)
     */
    void send(AlertCommand command) throws CommandNotSentException;

    /** The command transport failed; the caller may retry later. */
    final class CommandNotSentException extends Exception {
        private static final long serialVersionUID = 1L;

        public CommandNotSentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
