package io.parkwatch.contracts.reading;

/** The park operation domain a reading belongs to. */
public enum Domain {
    ENERGY,
    EMISSIONS,
    SAFETY,
    LOGISTICS,
    PRODUCTION
}
