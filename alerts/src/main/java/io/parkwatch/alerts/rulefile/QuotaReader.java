package io.parkwatch.alerts.rulefile;

import io.parkwatch.alerts.rule.Level;
import io.parkwatch.alerts.rule.QuotaCondition;
import io.parkwatch.contracts.alert.Severity;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a {@code quota:} condition: budget, period, zone, counter, levels (in %), projected. */
final class QuotaReader {

    private static final Set<String> FIELDS = Set.of("budget", "period", "zone", "counter", "levels", "projected",
        "scope");
    private static final List<Level> DEFAULT_LEVELS = List.of(new Level(Severity.INFO, 80, 80),
        new Level(Severity.WARNING, 90, 90), new Level(Severity.CRITICAL, 100, 100));

    private QuotaReader() {
    }

    static QuotaCondition read(YamlMap map) {
        map.allowOnly(FIELDS);
        double budget = map.number("budget");
        if (!(budget > 0)) {
            throw map.error("budget", "must be positive");
        }
        String periodText = map.optionalString("period");
        ChronoUnit period = switch (periodText == null ? "month" : periodText) {
            case "day" -> ChronoUnit.DAYS;
            case "month" -> ChronoUnit.MONTHS;
            case "year" -> ChronoUnit.YEARS;
            default -> throw map.error("period", "expected day, month or year, got '" + periodText + "'");
        };
        String zoneText = map.optionalString("zone");
        ZoneId zone;
        try {
            zone = zoneText == null ? null : ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw map.error("zone", "unknown time zone '" + zoneText + "'");
        }
        String counterText = map.optionalString("counter");
        if (counterText != null && !counterText.equals("true") && !counterText.equals("false")) {
            throw map.error("counter", "expected true or false");
        }
        String scope = map.optionalString("scope");
        if (scope != null && !scope.equals("point") && !scope.equals("enterprise")) {
            throw map.error("scope", "expected point or enterprise, got '" + scope + "'");
        }
        return new QuotaCondition(budget, period, zone, !"false".equals(counterText), levels(map),
            severity(map, "projected"), "enterprise".equals(scope));
    }

    private static List<Level> levels(YamlMap map) {
        YamlMap levels = map.map("levels");
        if (levels == null) {
            return DEFAULT_LEVELS;
        }
        List<Level> result = new ArrayList<>();
        for (String name : levels.keys()) {
            Severity severity = parse(levels, name, name);
            double percent = levels.number(name);
            result.add(new Level(severity, percent, percent));
        }
        if (result.isEmpty()) {
            throw map.error("levels", "needs at least one level, e.g. 'critical: 100'");
        }
        return result;
    }

    private static Severity severity(YamlMap map, String key) {
        String text = map.optionalString(key);
        return text == null ? null : parse(map, key, text);
    }

    private static Severity parse(YamlMap map, String key, String text) {
        try {
            return Severity.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw map.error(key, "unknown severity '" + text + "'; expected info, warning or critical");
        }
    }
}
