package io.parkwatch.ingest.format;

import io.parkwatch.contracts.rejection.RejectReason;

/**
 * The sender's input is bad: it is rejected with a reason and never retried. Thrown by the
 * steps of the per-message chain; a failed dependency is never signalled with this type.
 */
public final class RejectedInputException extends Exception {

    private static final long serialVersionUID = 1L;

    private final RejectReason reason;

    public RejectedInputException(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }
}
