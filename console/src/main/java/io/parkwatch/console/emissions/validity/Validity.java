package io.parkwatch.console.emissions.validity;

import java.util.Optional;

/**
 * Whether a value (a reading, a minute, an hour or a day of one point's pollutant) counts under
 * HJ 75-2017 / HJ 356-2019, and if not, why. An invalid value is still shown; it is only kept out
 * of compliance judgements and totals.
 *
 * @param reason empty when valid; otherwise a code with its figures, e.g. {@code FLAG_D},
 *               {@code TOO_FEW_VALUES(32 of 45 min)}
 */
public record Validity(boolean valid, String reason) {

    public static final Validity VALID = new Validity(true, "");

    public Validity {
        if (valid != reason.isEmpty()) {
            throw new IllegalArgumentException("a valid value has no reason and an invalid one has one: " + reason);
        }
    }

    public static Validity invalid(String reason) {
        return new Validity(false, reason);
    }

    /** The reason, absent when valid. */
    public Optional<String> invalidReason() {
        return valid ? Optional.empty() : Optional.of(reason);
    }

    /** The reason's code without its figures: {@code TOO_FEW_VALUES} for {@code TOO_FEW_VALUES(32 of 45 min)}. */
    public String reasonCode() {
        int bracket = reason.indexOf('(');
        return bracket < 0 ? reason : reason.substring(0, bracket);
    }
}
