package io.parkwatch.ingest.gateway;

import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.registry.Module;

/** The reading domain follows from the plan module of the point it was measured at. */
final class Domains {

    private Domains() {
    }

    static Domain of(Module module) {
        return switch (module) {
            case ECONOMIC -> Domain.PRODUCTION;
            case ENERGY -> Domain.ENERGY;
            case SAFETY -> Domain.SAFETY;
            case ENVIRONMENT -> Domain.EMISSIONS;
            case LOGISTICS -> Domain.LOGISTICS;
        };
    }
}
