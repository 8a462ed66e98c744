package io.parkwatch.console.emissions.validity;

/**
 * The figures the validity engine applies, each with where it comes from (docs/standards/validity.md
 * gives the sources in full). A figure that could not be confirmed from a public text of the
 * standard is named here and marked so, rather than passed off as the standard's.
 */
public final class ValidityRules {

    /**
     * Flue gas: a minute or hour value is normal only when at least this share of its underlying
     * values is flagged N (HJ 212-2017's aggregation rule, as docs/standards/hj212.md states it).
     */
    public static final double FLUE_GAS_MIN_NORMAL_SHARE = 0.75;

    /**
     * Flue gas: an hourly mean needs at least this many valid minute values. Confirmed for CEMS
     * hourly data from a public quotation of HJ 76-2017 Appendix B; the matching clause of
     * HJ 75-2017 could not be read from a public source.
     */
    public static final int FLUE_GAS_MIN_VALID_MINUTES_PER_HOUR = 45;

    /**
     * Flue gas: a daily mean needs at least this many valid hourly means. Same source and same
     * caveat as {@link #FLUE_GAS_MIN_VALID_MINUTES_PER_HOUR}.
     */
    public static final int FLUE_GAS_MIN_VALID_HOURS_PER_DAY = 20;

    /**
     * Waste water: the least number of valid hourly values a daily value needs. NOT CONFIRMED:
     * HJ 356-2019 chapter 7 (calculation of valid means) states the count, but no public text of
     * it could be read; parkwatch asks for one and relies on the waste-water aggregation rule
     * (one abnormal value makes the aggregate abnormal) for the rest.
     */
    public static final int WASTE_WATER_MIN_VALID_HOURS_PER_DAY = 1;

    private ValidityRules() {
    }
}
