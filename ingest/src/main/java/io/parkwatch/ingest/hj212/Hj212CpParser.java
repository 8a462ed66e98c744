package io.parkwatch.ingest.hj212;

import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.RejectedInputException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the CP content of a data packet: fields {@code name=value}, the values of one factor
 * separated by {@code ,}, factors by {@code ;}. {@code DataTime} is required; each factor field
 * is {@code code-Kind}. Value kinds become {@link Hj212Value}s, {@code -Flag} their quality;
 * {@code -SampleTime} and {@code -EFlag} (equipment flag) are read past. Anything else is refused
 * rather than silently dropped. {@code DataTime} has 14 digits, or 17 with milliseconds as 2005-style
 * loggers send it; a field repeated with the same value is read once, with another value refused
 * (docs/hj212-leniency.md).
 */
public final class Hj212CpParser {

    /** China Standard Time: HJ 212 times are local to the data logger. */
    public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private static final Set<String> VALUE_KINDS =
        Set.of("Rtd", "Min", "Avg", "Max", "ZsRtd", "ZsMin", "ZsAvg", "ZsMax", "Cou");
    private static final Set<String> IGNORED_KINDS = Set.of("SampleTime", "EFlag");
    private static final Pattern FACTOR = Pattern.compile("[A-Za-z0-9]{1,16}");
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern DATA_TIME = Pattern.compile("[0-9]{14}([0-9]{3})?");
    private static final DateTimeFormatter DATA_TIME_FORMAT =
        DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    private Hj212CpParser() {
    }

    public static Hj212Data parse(String cp) throws RejectedInputException {
        String dataTime = null;
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Quality> flags = new HashMap<>();
        for (String group : cp.split(";")) {
            for (String field : group.split(",")) {
                if (field.isEmpty()) {
                    continue;
                }
                int eq = field.indexOf('=');
                if (eq <= 0) {
                    throw malformed("field '" + field + "' is not name=value");
                }
                String name = field.substring(0, eq);
                String text = field.substring(eq + 1);
                if ("DataTime".equals(name)) {
                    if (dataTime != null && !dataTime.equals(text)) {
                        // The parts of a split packet each repeat their DataTime.
                        throw malformed("DataTime " + text + " differs from DataTime " + dataTime);
                    }
                    dataTime = text;
                } else {
                    factorField(name, text, values, flags);
                }
            }
        }
        if (dataTime == null) {
            throw new RejectedInputException(RejectReason.MISSING_FIELD, "the CP segment has no DataTime");
        }
        if (values.isEmpty()) {
            throw malformed("the CP segment holds no value (expected fields such as a21026-Rtd=12.3)");
        }
        List<Hj212Value> result = new ArrayList<>();
        for (Map.Entry<String, Double> value : values.entrySet()) {
            String[] factorAndKind = value.getKey().split("-", 2);
            result.add(new Hj212Value(factorAndKind[0], factorAndKind[1], value.getValue(),
                flags.getOrDefault(factorAndKind[0], Quality.N)));
        }
        return new Hj212Data(time(dataTime).toInstant(CHINA), dataTime, result);
    }

    private static void factorField(String name, String text, Map<String, Double> values, Map<String, Quality> flags)
            throws RejectedInputException {
        int dash = name.indexOf('-');
        String factor = dash < 0 ? name : name.substring(0, dash);
        String kind = dash < 0 ? "" : name.substring(dash + 1);
        if (dash < 0 || !FACTOR.matcher(factor).matches()) {
            throw malformed("field '" + name + "' is neither DataTime nor factor-Kind (e.g. a21026-Rtd)");
        }
        if ("Flag".equals(kind)) {
            Quality quality = flag(name, text);
            Quality earlier = flags.putIfAbsent(factor, quality);
            if (earlier != null && earlier != quality) {
                throw repeated(name, earlier.name(), text);
            }
        } else if (VALUE_KINDS.contains(kind)) {
            double value = number(name, text);
            Double earlier = values.putIfAbsent(name, value);
            if (earlier != null && earlier != value) {
                throw repeated(name, String.valueOf(earlier), text);
            }
        } else if (!IGNORED_KINDS.contains(kind)) {
            throw malformed("field '" + name + "' has the unknown kind '" + kind + "' (expected one of "
                + VALUE_KINDS + ", Flag, SampleTime, EFlag)");
        }
    }

    private static double number(String name, String text) throws RejectedInputException {
        if (!NUMBER.matcher(text).matches()) {
            throw new RejectedInputException(RejectReason.NON_FINITE_VALUE,
                name + " value '" + text + "' is not a decimal number");
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new RejectedInputException(RejectReason.NON_FINITE_VALUE,
                name + " value '" + text + "' is not a finite number");
        }
        return value;
    }

    private static Quality flag(String name, String text) throws RejectedInputException {
        if (text.length() == 1) {
            for (Quality quality : Quality.values()) {
                if (quality.name().equals(text)) {
                    return quality;
                }
            }
        }
        throw malformed(name + " '" + text + "' is not one of the data flags N F M S D C T B");
    }

    /** A repeat with the same value is harmless and read once; another value leaves no way to choose. */
    private static RejectedInputException repeated(String name, String earlier, String text) {
        return malformed(name + " appears twice with different values (" + earlier + ", then " + text + ")");
    }

    private static LocalDateTime time(String text) throws RejectedInputException {
        if (!DATA_TIME.matcher(text).matches()) {
            throw new RejectedInputException(RejectReason.TIMESTAMP_INVALID,
                "DataTime '" + text + "' is not YYYYMMDDhhmmss or YYYYMMDDhhmmsszzz");
        }
        try {
            LocalDateTime seconds = LocalDateTime.parse(text.substring(0, 14), DATA_TIME_FORMAT);
            return text.length() == 14 ? seconds : seconds.plusNanos(Integer.parseInt(text.substring(14)) * 1_000_000L);
        } catch (DateTimeParseException e) {
            throw new RejectedInputException(RejectReason.TIMESTAMP_INVALID,
                "DataTime '" + text + "' is not a calendar time");
        }
    }

    private static RejectedInputException malformed(String detail) {
        return new RejectedInputException(RejectReason.HJ212_MALFORMED_CP, detail);
    }
}
