package io.parkwatch.ingest.hj212;

import io.parkwatch.contracts.factor.FactorCatalog;

/**
 * Factor codes of HJ/T 212-2005 data loggers translated to their HJ 212-2017 codes, by the
 * "original code" column of the standard's tables ({@link FactorCatalog}). An old code the tables
 * do not list is kept as sent, and then refused for want of a unit.
 */
final class Hj212Factors {

    private Hj212Factors() {
    }

    /** The 2017 code of a factor; legacy packets' old codes are translated where known. */
    static String code(String factor, boolean legacy) {
        return legacy ? FactorCatalog.hj212().code2017(factor).orElse(factor) : factor;
    }
}
