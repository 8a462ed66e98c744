package io.parkwatch.console.emissions;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The resolution of an emission history: raw readings, the pipeline's 1-minute and 1-hour windows, or days. */
public enum Interval {
    RAW("raw"),
    MINUTE("1m"),
    HOUR("1h"),
    DAY("1d");

    private final String text;

    Interval(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static Optional<Interval> parse(String text) {
        return Arrays.stream(values()).filter(i -> i.text.equals(text)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Interval::text).toList();
    }
}
