package io.parkwatch.contracts.factor;

import java.util.Optional;

/**
 * One factor of the HJ 212-2017 code tables (Appendix B).
 *
 * @param code        the code in a CP segment, e.g. a21026
 * @param medium      the table it belongs to
 * @param nameZh      the standard's name
 * @param nameEn      an English name
 * @param unit        the concentration or parameter unit, as an ASCII symbol (mg/m3, degC, …)
 * @param totalUnit   the unit of emission totals ({@code -Cou}), empty when the standard gives none
 * @param unitZh      {@code unit} as the standard writes it
 * @param totalUnitZh {@code totalUnit} as the standard writes it
 */
public record Factor(String code, FactorMedium medium, String nameZh, String nameEn, String unit, String totalUnit,
                     String unitZh, String totalUnitZh) {

    /** The unit of the factor's {@code -Cou} values, when the standard gives one. */
    public Optional<String> total() {
        return totalUnit.isEmpty() ? Optional.empty() : Optional.of(totalUnit);
    }
}
