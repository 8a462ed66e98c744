package io.parkwatch.contracts.reading;

import io.parkwatch.contracts.registry.Module;

/** The park operation domain a reading belongs to. */
public enum Domain {
    ENERGY,
    EMISSIONS,
    SAFETY,
    LOGISTICS,
    PRODUCTION;

    /** A reading's domain follows from the plan module of the point it was measured at. */
    public static Domain of(Module module) {
        return switch (module) {
            case ECONOMIC -> PRODUCTION;
            case ENERGY -> ENERGY;
            case SAFETY -> SAFETY;
            case ENVIRONMENT -> EMISSIONS;
            case LOGISTICS -> LOGISTICS;
        };
    }
}
