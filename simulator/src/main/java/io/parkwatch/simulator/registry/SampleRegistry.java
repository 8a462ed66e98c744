package io.parkwatch.simulator.registry;

import io.parkwatch.contracts.registry.Registry;

/**
 * The demo parks of the planning documents (docs/standards/parks.md), generated deterministically
 * from a seed: the Xilinhot SME cluster zone with its 242 firms and their surveyed status mix,
 * three chemical-heavy Ordos parks with hazard sources, tanks, gas detectors and hazmat
 * vehicles, and the Huolingol coal-power-aluminium park. Enterprise names are fictional
 * ({@code XX} in place of a trade name): simulated violations must never name a real company.
 */
public final class SampleRegistry {

    public static final String XILINHOT = "xilinhot";
    public static final int XILINHOT_FIRMS = 242;

    private SampleRegistry() {
    }

    public static Registry generate(long seed) {
        RegistryBuilder builder = new RegistryBuilder(seed);
        new XilinhotSample(builder, seed).generate();
        new ChemicalParkSample(builder, seed).generate();
        new AluminiumParkSample(builder, seed).generate();
        return builder.build();
    }
}
