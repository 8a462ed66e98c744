package io.parkwatch.contracts.registry;

import io.parkwatch.contracts.reading.Domain;

/** The plan's monitoring modules (智慧运行监管平台) that parkwatch counts coverage for. */
public enum Module {
    ECONOMIC,
    ENERGY,
    SAFETY,
    ENVIRONMENT,
    LOGISTICS;

    /** The domain of the readings measured at a point of this module. */
    public Domain domain() {
        return switch (this) {
            case ECONOMIC -> Domain.PRODUCTION;
            case ENERGY -> Domain.ENERGY;
            case SAFETY -> Domain.SAFETY;
            case ENVIRONMENT -> Domain.EMISSIONS;
            case LOGISTICS -> Domain.LOGISTICS;
        };
    }
}
