package io.parkwatch.alerts.rulefile;

import io.parkwatch.alerts.rule.AlarmBitsCondition;
import io.parkwatch.alerts.rule.Condition;
import io.parkwatch.alerts.rule.Direction;
import io.parkwatch.alerts.rule.Level;
import io.parkwatch.alerts.rule.LevelCondition;
import io.parkwatch.alerts.rule.MeanWindow;
import io.parkwatch.alerts.rule.OxygenReference;
import io.parkwatch.alerts.rule.PpmConversion;
import io.parkwatch.alerts.rule.QualityCondition;
import io.parkwatch.alerts.rule.RateOfChange;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.reading.Quality;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the condition part of a rule: exactly one of above, below, flags, alarmBits, geofence, quota. */
final class ConditionReader {

    private static final Set<String> KINDS = Set.of("above", "below", "flags", "alarmBits", "geofence", "quota");
    private static final Set<String> LEVEL_FIELDS = Set.of("trigger", "clear");
    private static final Set<String> WINDOW_FIELDS = Set.of("size", "grace", "minValidShare", "zone");
    private static final Set<String> OXYGEN_FIELDS = Set.of("reference", "factor", "maxAge");
    private static final double HJ212_MIN_VALID_SHARE = 0.75;

    private ConditionReader() {
    }

    static Condition read(YamlMap rule) {
        List<String> kinds = rule.keys().stream().filter(KINDS::contains).toList();
        if (kinds.size() != 1) {
            throw rule.error(rule.node("id"), rule.field("id"), "a rule states exactly one of above, below, flags, "
                + "alarmBits, geofence, quota; found " + (kinds.isEmpty() ? "none" : kinds));
        }
        String kind = kinds.get(0);
        if (!kind.equals("above") && !kind.equals("below")) {
            for (String modifier : List.of("window", "rate", "oxygen", "ppm")) {
                if (rule.has(modifier)) {
                    throw rule.error(modifier, "applies only to above/below rules");
                }
            }
        }
        return switch (kind) {
            case "flags" -> readFlags(rule.map("flags"));
            case "alarmBits" -> readBits(rule.map("alarmBits"));
            case "geofence" -> GeofenceReader.read(rule.map("geofence"));
            case "quota" -> QuotaReader.read(rule.map("quota"));
            default -> readLevels(rule, kind.equals("above") ? Direction.ABOVE : Direction.BELOW, kind);
        };
    }

    private static LevelCondition readLevels(YamlMap rule, Direction direction, String key) {
        YamlMap levels = rule.map(key);
        List<Level> result = new ArrayList<>();
        for (String name : levels.keys()) {
            Severity severity = severity(levels, name, levels.node(name));
            Node node = levels.node(name);
            double trigger;
            double clear;
            if (node instanceof ScalarNode) {
                trigger = levels.number(name);
                clear = trigger;
            } else {
                YamlMap level = levels.map(name);
                level.allowOnly(LEVEL_FIELDS);
                trigger = level.number("trigger");
                clear = level.number("clear", trigger);
                if (direction.crosses(clear, trigger)) {
                    throw level.error("clear", "a clear threshold must not be " + direction.word()
                        + " its trigger (" + clear + " vs " + trigger + ")");
                }
            }
            result.add(new Level(severity, trigger, clear));
        }
        if (result.isEmpty()) {
            throw rule.error(key, "needs at least one level, e.g. 'critical: 35'");
        }
        checkOrder(levels, direction, result);
        return new LevelCondition(direction, result, readWindow(rule.map("window")), readRate(rule.map("rate")),
            readOxygen(rule.map("oxygen")), readPpm(rule.map("ppm")));
    }

    private static PpmConversion readPpm(YamlMap map) {
        if (map == null) {
            return null;
        }
        map.allowOnly(Set.of("molarMass"));
        double molarMass = map.number("molarMass");
        if (!(molarMass > 0)) {
            throw map.error("molarMass", "must be a positive number of g/mol, e.g. 34.08 for H2S");
        }
        return new PpmConversion(molarMass);
    }

    private static void checkOrder(YamlMap levels, Direction direction, List<Level> result) {
        List<Level> sorted = result.stream().sorted((a, b) -> a.severity().compareTo(b.severity())).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (direction.crosses(sorted.get(i - 1).trigger(), sorted.get(i).trigger())) {
                String name = sorted.get(i).severity().name().toLowerCase(Locale.ROOT);
                throw levels.error(name, "a more severe level's trigger must be further " + direction.word()
                    + " than a lesser one's");
            }
        }
    }

    private static MeanWindow readWindow(YamlMap map) {
        if (map == null) {
            return null;
        }
        map.allowOnly(WINDOW_FIELDS);
        if (!map.has("size")) {
            throw map.error("size", "is required, e.g. 1h");
        }
        double share = map.number("minValidShare", HJ212_MIN_VALID_SHARE);
        if (share < 0 || share > 1) {
            throw map.error("minValidShare", "must be between 0 and 1");
        }
        Duration size = map.duration("size", null);
        String zoneText = map.optionalString("zone");
        ZoneId zone = null;
        if (zoneText != null) {
            if (!size.equals(Duration.ofDays(1))) {
                throw map.error("zone", "a window aligned on a zone's calendar days needs size 1d, got " + size);
            }
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                throw map.error("zone", "unknown time zone '" + zoneText + "'");
            }
        }
        return new MeanWindow(size, map.duration("grace", Duration.ofMinutes(10)), share, zone);
    }

    private static RateOfChange readRate(YamlMap map) {
        if (map == null) {
            return null;
        }
        map.allowOnly(Set.of("per"));
        Duration per = map.duration("per", Duration.ofMinutes(1));
        if (per.isZero() || per.isNegative()) {
            throw map.error("per", "must be positive");
        }
        return new RateOfChange(per);
    }

    private static OxygenReference readOxygen(YamlMap map) {
        if (map == null) {
            return null;
        }
        map.allowOnly(OXYGEN_FIELDS);
        double reference = map.number("reference");
        if (!(reference >= 0 && reference < 21)) {
            throw map.error("reference", "reference O2 must be in [0, 21) %");
        }
        String factor = map.optionalString("factor");
        return new OxygenReference(reference, factor == null ? "a19001" : factor,
            map.duration("maxAge", Duration.ofHours(2)));
    }

    private static QualityCondition readFlags(YamlMap map) {
        Map<Quality, Severity> flags = new EnumMap<>(Quality.class);
        for (String name : map.keys()) {
            Quality flag;
            try {
                flag = Quality.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw map.error(name, "unknown HJ 212 flag; expected one of F M S D C T B");
            }
            if (flag == Quality.N) {
                throw map.error(name, "N is normal data and cannot raise an alert");
            }
            flags.put(flag, severityValue(map, name));
        }
        if (flags.isEmpty()) {
            throw map.fail("needs at least one flag");
        }
        return new QualityCondition(flags);
    }

    private static AlarmBitsCondition readBits(YamlMap map) {
        Map<Integer, Severity> bits = new HashMap<>();
        for (String name : map.keys()) {
            int bit;
            try {
                bit = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                bit = -1;
            }
            if (bit < 0 || bit > 31) {
                throw map.error(name, "an alarm bit is a number 0..31, got '" + name + "'");
            }
            bits.put(bit, severityValue(map, name));
        }
        if (bits.isEmpty()) {
            throw map.fail("needs at least one bit");
        }
        return new AlarmBitsCondition(bits);
    }

    private static Severity severityValue(YamlMap map, String key) {
        return parseSeverity(map, map.field(key), map.node(key), map.scalarText(map.node(key), map.field(key)));
    }

    private static Severity severity(YamlMap map, String key, Node at) {
        return parseSeverity(map, map.field(key), at, key);
    }

    private static Severity parseSeverity(YamlMap map, String field, Node at, String text) {
        try {
            return Severity.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw map.error(at, field, "unknown severity '" + text + "'; expected info, warning or critical");
        }
    }
}
