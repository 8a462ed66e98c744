package io.parkwatch.contracts.factor;

/** Which table of HJ 212-2017 Appendix B a factor comes from. */
public enum FactorMedium {
    WATER,
    AIR,
    NOISE
}
