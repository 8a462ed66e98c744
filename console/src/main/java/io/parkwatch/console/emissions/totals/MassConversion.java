package io.parkwatch.console.emissions.totals;

import io.parkwatch.contracts.factor.FactorMedium;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Units of hourly emitted mass, in kg.
 *
 * <p>HJ 212-2017 Appendix B gives each pollutant's {@code -Cou} unit (kg for most, g or mg for
 * trace pollutants such as mercury): the value is scaled to kg. Concentrations come in mg, µg or
 * ng per m³ (flue gas) or per L (waste water) and are scaled to mg; flow rates are the standard's
 * units, which the gateway keeps: flue gas {@code a00000} in m³/s, waste water {@code w00000} in
 * L/s. So one hour emits
 * <pre>
 *   flue gas:    C [mg/m³] × Q [m³/s] × 3600 s × 10⁻⁶ kg/mg
 *   waste water: C [mg/L]  × Q [L/s]  × 3600 s × 10⁻⁶ kg/mg
 * </pre>
 * the hourly mean concentration times the hourly mean flow (as HJ 75-2017 computes an hour's
 * emission from the two hourly means). A factor whose unit is not a mass concentration (pH,
 * colour, counts) has no mass.
 */
public final class MassConversion {

    /** Flow factor code per medium: the flue-gas and waste-water flow of HJ 212-2017 Appendix B. */
    public static final Map<FactorMedium, String> FLOW_FACTORS = Map.of(FactorMedium.AIR, "a00000",
        FactorMedium.WATER, "w00000");

    private static final double SECONDS_PER_HOUR = 3600;
    private static final double KG_PER_MG = 1e-6;
    private static final Map<String, Double> KG_PER_UNIT = Map.of("kg", 1.0, "g", 1e-3, "mg", 1e-6);
    /** mg per unit of concentration; the volume (m³ or L) matches the medium's flow unit. */
    private static final Map<String, Double> MG_PER_CONCENTRATION_UNIT = Map.of("mg/m3", 1.0, "ug/m3", 1e-3,
        "ng/m3", 1e-6, "mg/L", 1.0, "ug/L", 1e-3, "ng/L", 1e-6);

    private MassConversion() {
    }

    /** A {@code -Cou} value in kg, given the factor's total unit; empty for a unit that is not a mass. */
    public static OptionalDouble couKg(double value, String totalUnit) {
        Double scale = KG_PER_UNIT.get(totalUnit);
        return scale == null ? OptionalDouble.empty() : OptionalDouble.of(value * scale);
    }

    /**
     * One hour's mass in kg from its mean concentration in {@code unit} (per m³ for flue gas, per L
     * for waste water) and mean flow (m³/s or L/s); empty when {@code unit} is not a mass concentration.
     */
    public static OptionalDouble hourKg(double concentration, String unit, double flowPerSecond) {
        Double scale = MG_PER_CONCENTRATION_UNIT.get(unit);
        return scale == null ? OptionalDouble.empty()
            : OptionalDouble.of(concentration * scale * flowPerSecond * SECONDS_PER_HOUR * KG_PER_MG);
    }
}
