package io.parkwatch.ingest.format;

/** The payload format a topic promises. */
public enum PayloadKind {
    /** {@code parks/{park}/enterprises/{enterprise}/points/{point}}. */
    JSON,
    /** {@code parks/{park}/enterprises/{enterprise}/hj212}. */
    HJ212,
    /** {@code parks/{park}/vehicles/{vehicle}/jt808}. */
    JT808,
    /** {@code .../feedback}: the gateway's own answers to senders, never input. */
    FEEDBACK
}
