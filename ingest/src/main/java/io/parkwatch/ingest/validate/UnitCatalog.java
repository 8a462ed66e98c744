package io.parkwatch.ingest.validate;

import io.parkwatch.contracts.factor.Factor;
import io.parkwatch.contracts.factor.FactorCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which units a metric may be reported in. A unit nobody declared is refused, so that "KW",
 * "kw " or "千瓦" never silently become a new series next to "kW".
 *
 * <p>HJ 212 factor codes take their units from the standard's tables ({@link FactorCatalog}): the
 * factor's unit, and for {@code code-Cou} its emission-total unit. A line of
 * {@code units.properties} overrides them for one metric. The factor units do not widen the units
 * accepted for undeclared metrics (those come from {@code units.properties} alone).
 */
public final class UnitCatalog {

    private static final String OTHER = "units.other";

    private final Map<String, Set<String>> byMetric;
    private final Set<String> known;

    public UnitCatalog(Map<String, Set<String>> byMetric, Set<String> other, FactorCatalog factors) {
        Set<String> all = new HashSet<>(other);
        byMetric.values().forEach(all::addAll);
        this.known = Set.copyOf(all);
        Map<String, Set<String>> declared = new HashMap<>();
        for (Factor factor : factors.all()) {
            declared.put(factor.code(), Set.of(factor.unit()));
            factor.total().ifPresent(total -> declared.put(factor.code() + "-Cou", Set.of(total)));
        }
        declared.putAll(byMetric);
        this.byMetric = Map.copyOf(declared);
    }

    /** The catalogue shipped with parkwatch ({@code units.properties} and the HJ 212 factor tables). */
    public static UnitCatalog defaults() {
        try (InputStream in = UnitCatalog.class.getResourceAsStream("units.properties")) {
            if (in == null) {
                throw new IllegalStateException("units.properties is missing from the ingest jar");
            }
            return load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read units.properties", e);
        }
    }

    public static UnitCatalog load(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        Map<String, Set<String>> byMetric = new HashMap<>();
        for (String metric : properties.stringPropertyNames()) {
            if (!OTHER.equals(metric)) {
                byMetric.put(metric, split(properties.getProperty(metric)));
            }
        }
        return new UnitCatalog(byMetric, split(properties.getProperty(OTHER, "")), FactorCatalog.hj212());
    }

    private static Set<String> split(String units) {
        return Set.copyOf(Arrays.stream(units.split(",")).map(String::trim).filter(u -> !u.isEmpty()).toList());
    }

    /** Empty when {@code unit} is fine for {@code metric}; else why not. */
    public Optional<String> check(String metric, String unit) {
        Set<String> allowed = declared(metric);
        if (allowed != null) {
            return allowed.contains(unit) ? Optional.empty()
                : Optional.of("unit '" + unit + "' is not one of " + new TreeSet<>(allowed) + " for " + metric);
        }
        return known.contains(unit) ? Optional.empty()
            : Optional.of("unit '" + unit + "' is not a known unit (see units.properties)");
    }

    /**
     * The unit of a metric whose sender cannot state one (HJ 212 packets carry none): present
     * when the catalogue declares exactly one unit for it.
     */
    public Optional<String> unitOf(String metric) {
        Set<String> allowed = declared(metric);
        return allowed != null && allowed.size() == 1 ? Optional.of(allowed.iterator().next()) : Optional.empty();
    }

    /**
     * HJ 212 metrics carry the value kind and period after the factor code: a21026-Cou-hour is
     * looked up as a21026-Cou-hour, then a21026-Cou, then a21026; the most specific line wins.
     */
    private Set<String> declared(String metric) {
        String key = metric;
        while (true) {
            Set<String> allowed = byMetric.get(key);
            int dash = key.lastIndexOf('-');
            if (allowed != null || dash <= 0) {
                return allowed;
            }
            key = key.substring(0, dash);
        }
    }
}
