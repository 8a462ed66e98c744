package io.parkwatch.console.emissions;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The flue-gas pollutants the bureau asks about, by HJ 212-2017 factor code. Their concentration
 * readings are named by the bare code ({@code a21026}), the real-time field ({@code a21026-Rtd}),
 * its value converted to the reference O₂ ({@code a21026-ZsRtd}), or the data logger's own
 * minute, hour and day averages ({@code a21026-Avg-hour}, {@code a21026-ZsAvg-hour}, …).
 */
public enum Pollutant {
    PARTICULATE("a34013", "particulate"),
    SO2("a21026", "so2"),
    NOX("a21002", "nox");

    /** Suffixes of the concentration metrics; HJ 212 period data is named {@code -Kind-period}. */
    private static final List<String> CONCENTRATION_KINDS = List.of("", "-Rtd", "-Avg-minute", "-Avg-hour",
        "-Avg-day", "-ZsRtd", "-ZsAvg-minute", "-ZsAvg-hour", "-ZsAvg-day");

    private final String code;
    private final String label;

    Pollutant(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The metric names of its concentration readings: measured first, then converted (Zs). */
    public List<String> metrics() {
        return CONCENTRATION_KINDS.stream().map(kind -> code + kind).toList();
    }

    /** Whether a metric's values are converted to the reference O₂ (HJ 212's Zs kinds). */
    public static boolean atReferenceOxygen(String metric) {
        return metric.contains("-Zs");
    }

    /** By factor code ({@code a21026}) or name ({@code so2}), case-insensitive. */
    public static Optional<Pollutant> lookup(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
            .filter(p -> p.code.equals(wanted) || p.label.equals(wanted))
            .findFirst();
    }

    /** The pollutant a metric measures, e.g. {@code a21026-Rtd} → SO₂. */
    public static Optional<Pollutant> ofMetric(String metric) {
        return Arrays.stream(values()).filter(p -> p.metrics().contains(metric)).findFirst();
    }

    /** "a34013 (particulate)", ... for error messages. */
    public static List<String> known() {
        return Arrays.stream(values()).map(p -> p.code + " (" + p.label + ")").toList();
    }
}
