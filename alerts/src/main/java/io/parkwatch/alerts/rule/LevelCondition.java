package io.parkwatch.alerts.rule;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Levels above or below thresholds, applied to the reading's value, to its window mean
 * ({@code window} set) or to its rate of change ({@code rate} set), optionally after converting
 * the value to a reference O₂ ({@code oxygen} set) or from ppm to mg/m³ ({@code ppm} set).
 *
 * @param levels ordered from least to most severe
 */
public record LevelCondition(Direction direction, List<Level> levels, MeanWindow window, RateOfChange rate,
                             OxygenReference oxygen, PpmConversion ppm) implements Condition {

    public LevelCondition {
        Objects.requireNonNull(direction, "direction is required");
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("at least one level is required");
        }
        if (window != null && rate != null) {
            throw new IllegalArgumentException("a rule judges either a window mean or a rate of change, not both");
        }
        levels = levels.stream().sorted(Comparator.comparing(Level::severity)).toList();
    }

    public LevelCondition(Direction direction, List<Level> levels, MeanWindow window, RateOfChange rate,
                          OxygenReference oxygen) {
        this(direction, levels, window, rate, oxygen, null);
    }

    /** The value this rule judges, from a reading's value in {@code unit}: ppm converted where asked. */
    public double judged(double value, String unit) {
        return ppm != null && ppm.applies(unit) ? ppm.toMgPerM3(value) : value;
    }

    /** The unit of the judged value of a reading in {@code unit}. */
    public String judgedUnit(String unit) {
        return ppm != null && ppm.applies(unit) ? PpmConversion.MG_PER_M3 : unit;
    }
}
