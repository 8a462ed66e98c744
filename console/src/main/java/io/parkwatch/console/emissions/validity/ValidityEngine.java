package io.parkwatch.console.emissions.validity;

import io.parkwatch.contracts.factor.FactorMedium;
import io.parkwatch.contracts.reading.Quality;
import java.util.List;

/**
 * Marks values valid or invalid by the data flags and the counts of HJ 75-2017 (flue gas) and
 * HJ 356-2019 (waste water), as {@link ValidityRules} states them. Pure: values and flags in, a
 * {@link Validity} out.
 *
 * <p>Flue gas (and noise, which neither standard covers; it gets the flue-gas rule) tolerates
 * some abnormal values in an aggregate: at least {@value ValidityRules#FLUE_GAS_MIN_NORMAL_SHARE}
 * of them normal. Waste water does not: one abnormal value makes the aggregate abnormal.
 */
public final class ValidityEngine {

    private ValidityEngine() {
    }

    /** One value with its HJ 212 data flag: valid only when the flag is N. */
    public static Validity ofFlag(Quality flag) {
        return flag.isGood() ? Validity.VALID : Validity.invalid("FLAG_" + flag.name());
    }

    /**
     * One value with a flag as stored (a letter); a letter HJ 212 does not define is not normal
     * either.
     */
    public static Validity ofFlag(String flag) {
        for (Quality quality : Quality.values()) {
            if (quality.name().equals(flag)) {
                return ofFlag(quality);
            }
        }
        return Validity.invalid("FLAG_" + (flag.isEmpty() ? "MISSING" : flag));
    }

    /**
     * A window (a minute, an hour, or one value a data logger averaged itself) known by its number
     * of values and how many of them were flagged N.
     */
    public static Validity ofWindow(FactorMedium medium, long count, long normal) {
        if (count <= 0) {
            return Validity.invalid("NO_DATA");
        }
        if (waterRule(medium)) {
            return normal == count ? Validity.VALID
                : Validity.invalid("ABNORMAL_VALUES(" + (count - normal) + " of " + count + " values)");
        }
        return normal >= ValidityRules.FLUE_GAS_MIN_NORMAL_SHARE * count ? Validity.VALID
            : Validity.invalid("TOO_FEW_NORMAL(" + normal + " of " + count + " values)");
    }

    /**
     * An hour from its minute values (only the minutes that have data; each already judged):
     * flue gas needs {@value ValidityRules#FLUE_GAS_MIN_VALID_MINUTES_PER_HOUR} valid minutes;
     * waste water needs every minute valid.
     */
    public static Validity ofHourFromMinutes(FactorMedium medium, List<Validity> minutes) {
        long valid = minutes.stream().filter(Validity::valid).count();
        if (waterRule(medium)) {
            return aggregateOfWater(minutes.size(), valid, 1, "min");
        }
        int needed = ValidityRules.FLUE_GAS_MIN_VALID_MINUTES_PER_HOUR;
        return valid >= needed ? Validity.VALID
            : Validity.invalid("TOO_FEW_VALUES(" + valid + " of " + needed + " min)");
    }

    /**
     * A day from its hours (only the hours that have data; each already judged): flue gas needs
     * {@value ValidityRules#FLUE_GAS_MIN_VALID_HOURS_PER_DAY} valid hours; waste water needs every
     * hour valid and at least {@value ValidityRules#WASTE_WATER_MIN_VALID_HOURS_PER_DAY}.
     */
    public static Validity ofDay(FactorMedium medium, List<Validity> hours) {
        long valid = hours.stream().filter(Validity::valid).count();
        if (waterRule(medium)) {
            return aggregateOfWater(hours.size(), valid, ValidityRules.WASTE_WATER_MIN_VALID_HOURS_PER_DAY, "h");
        }
        int needed = ValidityRules.FLUE_GAS_MIN_VALID_HOURS_PER_DAY;
        return valid >= needed ? Validity.VALID
            : Validity.invalid("TOO_FEW_HOURS(" + valid + " of " + needed + " h)");
    }

    private static Validity aggregateOfWater(long parts, long valid, int needed, String unit) {
        if (parts == 0) {
            return Validity.invalid("NO_DATA");
        }
        if (valid < parts) {
            return Validity.invalid("INVALID_PARTS(" + (parts - valid) + " of " + parts + " " + unit + ")");
        }
        return valid >= needed ? Validity.VALID
            : Validity.invalid("TOO_FEW_VALUES(" + valid + " of " + needed + " " + unit + ")");
    }

    private static boolean waterRule(FactorMedium medium) {
        return medium == FactorMedium.WATER;
    }
}
