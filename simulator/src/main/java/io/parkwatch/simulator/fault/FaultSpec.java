package io.parkwatch.simulator.fault;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ratio of each fault kind, e.g. {@code silent=0.05,bad-crc=0.01,late=0.02}. Kinds left out
 * are 0. Message faults are exclusive (one per message), so their ratios may add up to at most 1.
 */
public record FaultSpec(Map<FaultKind, Double> ratios) {

    public FaultSpec {
        EnumMap<FaultKind, Double> copy = new EnumMap<>(FaultKind.class);
        copy.putAll(ratios);
        for (Map.Entry<FaultKind, Double> ratio : copy.entrySet()) {
            double value = ratio.getValue();
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("fault ratio " + ratio.getKey().wireName() + "=" + value
                    + " is not between 0 and 1");
            }
        }
        double messages = copy.entrySet().stream().filter(e -> e.getKey().scope() == FaultKind.Scope.MESSAGE)
            .mapToDouble(Map.Entry::getValue).sum();
        if (messages > 1) {
            throw new IllegalArgumentException("message fault ratios add up to " + messages + ", more than 1");
        }
        ratios = Collections.unmodifiableMap(copy);
    }

    public static FaultSpec none() {
        return new FaultSpec(Map.of());
    }

    /** Parses {@code kind=ratio[,kind=ratio…]}; an empty text or {@code none} is no faults. */
    public static FaultSpec parse(String text) {
        EnumMap<FaultKind, Double> ratios = new EnumMap<>(FaultKind.class);
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty() || trimmed.equals("none")) {
            return none();
        }
        for (String item : trimmed.split(",")) {
            String[] pair = item.trim().split("=", 2);
            FaultKind kind = FaultKind.ofWireName(pair[0].trim()).orElseThrow(() -> new IllegalArgumentException(
                "unknown fault kind '" + pair[0].trim() + "'; known: " + Arrays.stream(FaultKind.values())
                    .map(FaultKind::wireName).collect(Collectors.joining(", "))));
            if (pair.length != 2) {
                throw new IllegalArgumentException("fault '" + pair[0].trim() + "' needs a ratio, e.g. "
                    + pair[0].trim() + "=0.01");
            }
            try {
                ratios.put(kind, Double.parseDouble(pair[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fault ratio " + kind.wireName() + "='" + pair[1].trim()
                    + "' is not a number", e);
            }
        }
        return new FaultSpec(ratios);
    }

    public double ratio(FaultKind kind) {
        return ratios.getOrDefault(kind, 0.0);
    }

    @Override
    public String toString() {
        return ratios.isEmpty() ? "none" : ratios.entrySet().stream()
            .map(e -> e.getKey().wireName() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
