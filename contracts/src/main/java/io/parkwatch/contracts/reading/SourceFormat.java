package io.parkwatch.contracts.reading;

/** The wire format a reading arrived in. */
public enum SourceFormat {
    JSON,
    HJ212,
    JT808
}
