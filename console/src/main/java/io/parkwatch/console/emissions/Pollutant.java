package io.parkwatch.console.emissions;

import io.parkwatch.contracts.factor.Factor;
import io.parkwatch.contracts.factor.FactorCatalog;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A pollutant the emission history can be asked about: any factor of the HJ 212 code tables
 * ({@link FactorCatalog}). Its concentration readings are named by the bare code ({@code w01018}),
 * the real-time field ({@code w01018-Rtd}), its value converted to the reference O₂
 * ({@code a21026-ZsRtd}), or the data logger's own minute, hour and day averages
 * ({@code a21026-Avg-hour}, {@code a21026-ZsAvg-hour}, …).
 *
 * @param factor the factor of the code tables
 * @param label  the short name the API has always used ({@code so2}), else the English name
 */
public record Pollutant(Factor factor, String label) {

    /** The short names of the three pollutants the ultra-low limits cover, kept for existing callers. */
    private static final Map<String, String> SHORT_NAMES = Map.of("a34013", "particulate", "a21026", "so2",
        "a21002", "nox");

    public static final Pollutant PARTICULATE = byCode("a34013");
    public static final Pollutant SO2 = byCode("a21026");
    public static final Pollutant NOX = byCode("a21002");
    /** Asked for when a query names no pollutant: the flue-gas pollutants that have limits. */
    public static final List<Pollutant> DEFAULTS = List.of(PARTICULATE, SO2, NOX);

    /** Suffixes of the concentration metrics; HJ 212 period data is named {@code -Kind-period}. */
    private static final List<String> CONCENTRATION_KINDS = List.of("", "-Rtd", "-Avg-minute", "-Avg-hour",
        "-Avg-day", "-ZsRtd", "-ZsAvg-minute", "-ZsAvg-hour", "-ZsAvg-day");

    public static Pollutant of(Factor factor) {
        return new Pollutant(factor, SHORT_NAMES.getOrDefault(factor.code(), factor.nameEn()));
    }

    private static Pollutant byCode(String code) {
        return of(FactorCatalog.hj212().byCode(code).orElseThrow());
    }

    public String code() {
        return factor.code();
    }

    /** The metric names of its concentration readings: measured first, then converted (Zs). */
    public List<String> metrics() {
        return CONCENTRATION_KINDS.stream().map(kind -> code() + kind).toList();
    }

    /** Whether a metric's values are converted to the reference O₂ (HJ 212's Zs kinds). */
    public static boolean atReferenceOxygen(String metric) {
        return metric.contains("-Zs");
    }

    /**
     * The pollutants {@code text} names, tried in turn as an HJ 212-2017 code, an HJ/T 212-2005 code,
     * a short name ({@code so2}), a Chinese name and an English name (codes and English
     * case-insensitive). A name two tables share (汞, Mercury: water and air) names both; empty
     * when nothing matches.
     */
    public static List<Pollutant> lookup(String text, FactorCatalog catalog) {
        String wanted = text.strip();
        if (wanted.isEmpty()) {
            return List.of();
        }
        String lower = wanted.toLowerCase(Locale.ROOT);
        List<Predicate<Factor>> tries = List.of(
            f -> f.code().equalsIgnoreCase(wanted),
            f -> catalog.code2017(wanted.toUpperCase(Locale.ROOT)).map(f.code()::equals).orElse(false),
            f -> lower.equals(SHORT_NAMES.get(f.code())),
            f -> f.nameZh().equals(wanted),
            f -> f.nameEn().toLowerCase(Locale.ROOT).equals(lower));
        for (Predicate<Factor> matches : tries) {
            List<Pollutant> found = catalog.all().stream().filter(matches).map(Pollutant::of).toList();
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }
}
