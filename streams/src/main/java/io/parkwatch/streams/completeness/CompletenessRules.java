package io.parkwatch.streams.completeness;

import java.util.Set;

/**
 * The configured values completeness is judged by. The coverage configuration carries them, so
 * this package states what it needs here instead of reaching up into {@code coverage}.
 */
public interface CompletenessRules {

    /** Kinds judged by the HJ 212 flue-gas rule (an hour is valid when enough of it arrived normal). */
    Set<String> hourlyRuleKinds();

    /** The share of normal values that makes an hour valid. */
    double validHourNormalShare();

    /** Completeness target of key energy users' meters. */
    double energyMeterTarget();

    /** Valid-hour share target of flue-gas points. */
    double validHourTarget();

    /** Whether points of this kind are energy meters (whose completeness has a target at key energy users). */
    boolean isEnergyMeter(String kind);
}
