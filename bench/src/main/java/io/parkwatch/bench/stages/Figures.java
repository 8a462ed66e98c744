package io.parkwatch.bench.stages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The figures a stage benchmark found, in order: printed one per line and written as JSON. */
final class Figures {

    private final String title;
    private final Map<String, Object> values = new LinkedHashMap<>();

    Figures(String title) {
        this.title = title;
    }

    Figures put(String name, Object value) {
        values.put(name, value);
        return this;
    }

    Object get(String name) {
        return values.get(name);
    }

    /** {@code name: value} lines; doubles with three decimals, so scripts can pick them out. */
    String text() {
        StringBuilder out = new StringBuilder(title).append(System.lineSeparator());
        values.forEach((name, value) -> out.append(String.format(Locale.ROOT, "  %-34s %s%n", name + ":",
            value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : value)));
        return out.toString();
    }

    void print(Path json) throws IOException {
        System.out.print(text());
        if (json != null) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("benchmark", title);
            all.put("cores", Runtime.getRuntime().availableProcessors());
            all.putAll(values);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), all);
            System.out.println("results written to " + json);
        }
    }

    /** The {@code q}-quantile (0..1) of {@code samples}, nearest rank; sorts the array. */
    static double quantile(double[] samples, double q) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(samples);
        int rank = (int) Math.ceil(q * samples.length);
        return samples[Math.max(0, Math.min(samples.length - 1, rank - 1))];
    }

    static double mean(double[] samples) {
        return Arrays.stream(samples).average().orElse(Double.NaN);
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
