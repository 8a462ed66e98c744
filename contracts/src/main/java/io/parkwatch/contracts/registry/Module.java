package io.parkwatch.contracts.registry;

/** The plan's monitoring modules (智慧运行监管平台) that parkwatch counts coverage for. */
public enum Module {
    ECONOMIC,
    ENERGY,
    SAFETY,
    ENVIRONMENT,
    LOGISTICS
}
