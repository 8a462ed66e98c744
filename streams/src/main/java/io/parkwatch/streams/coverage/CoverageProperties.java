package io.parkwatch.streams.coverage;

import io.parkwatch.contracts.duration.Durations;
import io.parkwatch.contracts.registry.Module;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a {@link CoverageConfig} from properties (keys in docs/coverage.md). Every value is
 * checked at start-up; a bad or unknown {@code coverage.*}/{@code completeness.*} key fails with
 * the key in the message, so a typo cannot silently fall back to a default.
 */
public final class CoverageProperties {

    private static final String TARGET = "coverage.target.";
    private static final String KIND = "coverage.kind.";
    private static final String KIND_WINDOW = "coverage.window.kind.";
    private static final String ZONE = "coverage.zone.";

    private CoverageProperties() {
    }

    public static CoverageConfig load(Properties props) {
        CoverageConfig d = CoverageConfig.defaults();
        Map<String, Duration> kindWindows = new HashMap<>();
        Map<String, Double> targets = new HashMap<>();
        Map<String, ZoneId> zones = new HashMap<>();
        KindCategories kinds = d.kinds();
        Set<String> rowIds = d.rows().stream().map(PlanRow::id).collect(Collectors.toSet());
        for (String key : props.stringPropertyNames()) {
            String value = props.getProperty(key).trim();
            if (key.startsWith(KIND_WINDOW)) {
                kindWindows.put(key.substring(KIND_WINDOW.length()), parse(key, value, Durations::parse));
            } else if (key.startsWith(TARGET)) {
                targets.put(targetRow(key, rowIds), parse(key, value, Double::valueOf));
            } else if (key.startsWith(KIND)) {
                kinds = kinds.with(key.substring(KIND.length()),
                    parse(key, value, v -> PointCategory.valueOf(v.toUpperCase(Locale.ROOT))));
            } else if (key.startsWith(ZONE)) {
                zones.put(key.substring(ZONE.length()), parse(key, value, ZoneId::of));
            } else if ((key.startsWith("coverage.") || key.startsWith("completeness.")) && !SCALARS.contains(key)) {
                throw new IllegalArgumentException("unknown configuration key " + key);
            }
        }
        try {
            return new CoverageConfig(d.rows(), kinds,
                get(props, "coverage.window.multiple", d.windowMultiple(), Integer::valueOf),
                get(props, "coverage.window.minimum", d.minimumWindow(), Durations::parse),
                kindWindows,
                get(props, "coverage.enterprise-rule", d.enterpriseRule(),
                    v -> EnterpriseRule.valueOf(v.toUpperCase(Locale.ROOT))),
                targets,
                get(props, "coverage.cadence", d.cadence(), Durations::parse),
                get(props, "coverage.silent-limit", d.silentLimit(), Integer::valueOf),
                get(props, "coverage.zone", d.zone(), ZoneId::of),
                zones,
                get(props, "completeness.cadence", d.completenessCadence(), Durations::parse),
                get(props, "completeness.hourly-rule-kinds", d.hourlyRuleKinds(), CoverageProperties::list),
                get(props, "completeness.valid-hour.normal-share", d.validHourNormalShare(), Double::valueOf),
                get(props, "completeness.target.key-energy-meters", d.energyMeterTarget(), Double::valueOf),
                get(props, "completeness.target.valid-hours", d.validHourTarget(), Double::valueOf),
                get(props, "completeness.days-kept", d.daysKept(), Integer::valueOf));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad coverage configuration: " + e.getMessage(), e);
        }
    }

    private static final Set<String> SCALARS = Set.of("coverage.window.multiple", "coverage.window.minimum",
        "coverage.enterprise-rule", "coverage.cadence", "coverage.silent-limit", "coverage.zone",
        "completeness.cadence", "completeness.hourly-rule-kinds", "completeness.valid-hour.normal-share",
        "completeness.target.key-energy-meters", "completeness.target.valid-hours", "completeness.days-kept");

    /** {@code coverage.target.<park>.<MODULE>.<class>} → {@code park|MODULE|class}, checked against the plan rows. */
    private static String targetRow(String key, Set<String> rowIds) {
        String[] parts = key.substring(TARGET.length()).split("\\.", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException(key + ": expected coverage.target.<park>.<MODULE>.<class>");
        }
        String row = parse(key, parts[1], v -> Module.valueOf(v.toUpperCase(Locale.ROOT))).name() + '|' + parts[2];
        if (!rowIds.contains(row)) {
            throw new IllegalArgumentException(key + ": no plan row " + row + "; rows are " + rowIds);
        }
        return parts[0] + '|' + row;
    }

    private static <T> T get(Properties props, String key, T fallback, Function<String, T> parser) {
        String value = props.getProperty(key);
        return value == null ? fallback : parse(key, value.trim(), parser);
    }

    private static <T> T parse(String key, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + ": cannot read '" + value + "' (" + e.getMessage() + ")", e);
        }
    }

    private static Set<String> list(String text) {
        return new HashSet<>(Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }
}
