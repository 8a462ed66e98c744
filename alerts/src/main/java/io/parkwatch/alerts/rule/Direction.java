package io.parkwatch.alerts.rule;

/** Which side of a threshold is the problem. */
public enum Direction {
    /** Values above the trigger are the problem (concentrations, gas levels). */
    ABOVE,
    /** Values below the trigger are the problem (oxygen deficiency, pressure loss). */
    BELOW;

    /** Strictly past the trigger: a value exactly at a limit complies. */
    public boolean crosses(double value, double trigger) {
        return this == ABOVE ? value > trigger : value < trigger;
    }

    /** Still not back at or inside the clear threshold. */
    public boolean holds(double value, double clear) {
        return this == ABOVE ? value > clear : value < clear;
    }

    /** The worse of two values, for an alert's peak. */
    public double worse(double a, double b) {
        return this == ABOVE ? Math.max(a, b) : Math.min(a, b);
    }

    public String word() {
        return this == ABOVE ? "above" : "below";
    }
}
