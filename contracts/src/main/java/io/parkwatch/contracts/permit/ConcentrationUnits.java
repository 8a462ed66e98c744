package io.parkwatch.contracts.permit;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * Mass concentrations as the factor catalog writes them ({@code mg/m3}, {@code ug/L}, …): a limit
 * may be stated in another mass prefix than the factor's unit, never in another volume.
 */
public final class ConcentrationUnits {

    private static final Map<String, Double> GRAMS = Map.of("g", 1.0, "mg", 1e-3, "ug", 1e-6, "ng", 1e-9);

    private ConcentrationUnits() {
    }

    /**
     * The factor that turns a value in {@code from} into one in {@code to}, e.g. 1000 from
     * {@code mg/m3} to {@code ug/m3}; empty when either is not a mass concentration or their
     * volumes differ.
     */
    public static OptionalDouble factor(String from, String to) {
        String[] a = from.split("/", -1);
        String[] b = to.split("/", -1);
        if (a.length != 2 || b.length != 2 || !GRAMS.containsKey(a[0]) || !GRAMS.containsKey(b[0])
            || !a[1].equals(b[1]) || !a[1].equals("m3") && !a[1].equals("L")) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(GRAMS.get(a[0]) / GRAMS.get(b[0]));
    }
}
