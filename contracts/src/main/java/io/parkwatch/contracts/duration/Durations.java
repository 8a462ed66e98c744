package io.parkwatch.contracts.duration;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them, in flags, properties, rule files and the registry file. One
 * grammar for all, so a duration that works in one place works in every other:
 *
 * <pre>
 *   duration := short | iso
 *   short    := [+|-] digits [spaces] unit       e.g. 500ms, 30s, 10m, 2h, 1d, 2w, "30 s"
 *   unit     := ms | s | m | h | d | w           (milliseconds … weeks; any letter case; m is minutes)
 *   iso      := ISO-8601 as java.time.Duration reads it, any letter case: PT30S, P1DT2H, -PT5M
 * </pre>
 *
 * Surrounding whitespace is ignored. Compound short forms ({@code 1h30m}) are not accepted; write
 * {@code 90m} or {@code PT1H30M}. {@link #parse} accepts zero and negative durations, since some
 * settings mean something by zero; {@link #parsePositive} is for the many that need more than zero.
 * Errors are {@link IllegalArgumentException}s whose message quotes the text and says what is
 * wrong with it; callers put their own context (flag, key, file and line) in front.
 */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("([+-]?)(\\d+)\\s*([a-zA-Z]+)");
    private static final Pattern NUMBER_ONLY = Pattern.compile("[+-]?\\d+");
    private static final String UNITS = "ms, s, m, h, d or w";
    private static final String EXAMPLES = "e.g. 500ms, 30s, 10m, 2h, 1d, 2w or ISO-8601 like PT30S";

    private Durations() {
    }

    /** The duration {@code text} writes; zero and negative durations included. */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("no duration given (" + EXAMPLES + ")");
        }
        if (isIso(t)) {
            return iso(t);
        }
        Matcher matcher = SHORT.matcher(t);
        if (!matcher.matches()) {
            String problem = NUMBER_ONLY.matcher(t).matches() ? ": the unit is missing" : "";
            throw new IllegalArgumentException("'" + text + "' is not a duration" + problem + " (" + EXAMPLES + ")");
        }
        long amount;
        try {
            amount = Long.parseLong(matcher.group(1) + matcher.group(2));
        } catch (NumberFormatException e) {
            throw tooLarge(text, e);
        }
        try {
            return switch (matcher.group(3).toLowerCase(Locale.ROOT)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                case "w" -> Duration.ofDays(Math.multiplyExact(amount, 7L));
                default -> throw new IllegalArgumentException("'" + text + "' is not a duration: unknown unit '"
                    + matcher.group(3) + "' (units are " + UNITS + ", or ISO-8601 like PT30S)");
            };
        } catch (ArithmeticException e) {
            throw tooLarge(text, e);
        }
    }

    /** The duration {@code text} writes, which must be more than zero. */
    public static Duration parsePositive(String text) {
        Duration duration = parse(text);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("must be positive, got '" + text + "'");
        }
        return duration;
    }

    /**
     * The shortest short form {@link #parse} reads back as the same duration, in the largest unit
     * up to days that divides it ({@code 90s}, {@code 15m}, {@code 1d}); ISO-8601 when it has a
     * fraction of a millisecond.
     */
    public static String format(Duration duration) {
        if (duration.getNano() % 1_000_000 != 0) {
            return duration.toString();
        }
        long millis = duration.toMillis();
        if (millis % 86_400_000L == 0 && millis != 0) {
            return millis / 86_400_000L + "d";
        }
        if (millis % 3_600_000L == 0 && millis != 0) {
            return millis / 3_600_000L + "h";
        }
        if (millis % 60_000L == 0 && millis != 0) {
            return millis / 60_000L + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static boolean isIso(String t) {
        int first = t.charAt(0) == '+' || t.charAt(0) == '-' ? 1 : 0;
        return t.length() > first && (t.charAt(first) == 'P' || t.charAt(first) == 'p');
    }

    private static Duration iso(String t) {
        try {
            return Duration.parse(t);
        } catch (DateTimeParseException e) {
            // The text matched ISO-8601's shape when a number in it fails: it is out of range.
            boolean tooLarge = e.getCause() instanceof ArithmeticException || e.getCause() instanceof NumberFormatException;
            String why = tooLarge ? "is too large for a duration"
                : "is not an ISO-8601 duration (e.g. PT30S, PT10M, P1DT2H)";
            throw new IllegalArgumentException("'" + t + "' " + why, e);
        }
    }

    private static IllegalArgumentException tooLarge(String text, RuntimeException cause) {
        return new IllegalArgumentException("'" + text + "' is too large for a duration", cause);
    }
}
