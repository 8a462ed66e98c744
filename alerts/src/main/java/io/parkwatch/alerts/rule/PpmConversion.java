package io.parkwatch.alerts.rule;

/**
 * A gas concentration given in ppm (by volume) judged in mg/m³:
 * C[mg/m³] = C[ppm] × M[g/mol] ÷ V_m, with V_m = 24.45 L/mol, the molar volume of an ideal gas
 * at 25 °C and 101.325 kPa (GB/T 50493-2019 states no reference condition for the gas
 * set-points; 25 °C is the usual one of occupational exposure limits; docs/standards/gas-detection.md).
 *
 * @param molarMass g/mol of the gas, e.g. 34.08 for H₂S, 28.01 for CO
 */
public record PpmConversion(double molarMass) {

    public static final String PPM = "ppm";
    public static final String MG_PER_M3 = "mg/m3";
    /** L/mol at 25 °C, 101.325 kPa. */
    public static final double MOLAR_VOLUME = 24.45;

    public PpmConversion {
        if (!(molarMass > 0) || !Double.isFinite(molarMass)) {
            throw new IllegalArgumentException("molarMass must be a positive number of g/mol");
        }
    }

    public boolean applies(String unit) {
        return PPM.equalsIgnoreCase(unit);
    }

    public double toMgPerM3(double ppm) {
        return ppm * molarMass / MOLAR_VOLUME;
    }
}
