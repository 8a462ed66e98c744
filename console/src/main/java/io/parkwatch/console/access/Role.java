package io.parkwatch.console.access;

/** What an API token may read. */
public enum Role {
    /** The park's control room: everything. */
    OPERATOR,
    /** An environmental bureau: read-only, every enterprise. */
    BUREAU,
    /** One enterprise: only its own data. */
    ENTERPRISE
}
