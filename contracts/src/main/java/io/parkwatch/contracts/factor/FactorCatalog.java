package io.parkwatch.contracts.factor;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HJ 212 factor code tables: every factor of HJ 212-2017 Appendix B with its names and units,
 * and the HJ/T 212-2005 codes that older data loggers still send. The tables are data files beside
 * this class ({@code hj212-2017-factors.csv}, {@code hj212-2005-codes.csv}; their README names the
 * source), so a correction is a one-line change that the table test checks.
 */
public final class FactorCatalog {

    static final String FACTORS = "hj212-2017-factors.csv";
    static final String CODES_2005 = "hj212-2005-codes.csv";

    private static final Pattern CODE = Pattern.compile("[aw][0-9]{5}|L[A-Za-z0-9]{1,2}");
    private static final Pattern CODE_2005 = Pattern.compile("[A-Z]?[0-9]{2,3}");
    private static final List<String> FACTOR_COLUMNS =
        List.of("code", "medium", "name_zh", "name_en", "unit", "total_unit", "unit_zh", "total_unit_zh");

    private final Map<String, Factor> byCode;
    private final Map<String, String> codes2005;

    private FactorCatalog(Map<String, Factor> byCode, Map<String, String> codes2005) {
        this.byCode = Collections.unmodifiableMap(byCode);
        this.codes2005 = Collections.unmodifiableMap(codes2005);
    }

    /** The tables shipped in this jar, read once. */
    public static FactorCatalog hj212() {
        return Shipped.CATALOG;
    }

    /**
     * Reads the two tables; a malformed row, a duplicate code or a 2005 code whose 2017 code is not
     * in the factor table is refused as {@code file:line: message}.
     */
    public static FactorCatalog read(Reader factors, Reader codes2005) throws IOException {
        Map<String, Factor> byCode = new LinkedHashMap<>();
        for (CsvTable.Row row : CsvTable.read(FACTORS, factors, FACTOR_COLUMNS)) {
            Factor factor = factor(row);
            if (byCode.putIfAbsent(factor.code(), factor) != null) {
                throw row.invalid("code " + factor.code() + " appears twice");
            }
        }
        Map<String, String> legacy = new LinkedHashMap<>();
        for (CsvTable.Row row : CsvTable.read(CODES_2005, codes2005, List.of("code_2005", "code_2017"))) {
            String old = row.require("code_2005", CODE_2005);
            String code = row.get("code_2017");
            if (!byCode.containsKey(code)) {
                throw row.invalid("2005 code " + old + " maps to " + code + ", which is not in " + FACTORS);
            }
            if (legacy.putIfAbsent(old, code) != null) {
                throw row.invalid("2005 code " + old + " appears twice");
            }
        }
        return new FactorCatalog(byCode, legacy);
    }

    private static Factor factor(CsvTable.Row row) {
        String code = row.require("code", CODE);
        FactorMedium medium;
        try {
            medium = FactorMedium.valueOf(row.get("medium").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw row.invalid("medium '" + row.get("medium") + "' is not water, air or noise");
        }
        String totalUnit = row.get("total_unit");
        String totalUnitZh = row.get("total_unit_zh");
        if (totalUnit.isEmpty() != totalUnitZh.isEmpty()) {
            throw row.invalid("total_unit and total_unit_zh must both be given or both be empty");
        }
        return new Factor(code, medium, row.nonEmpty("name_zh"), row.nonEmpty("name_en"), row.nonEmpty("unit"),
            totalUnit, row.nonEmpty("unit_zh"), totalUnitZh);
    }

    /** The factor of a 2017 code. */
    public Optional<Factor> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The 2017 code that a 2005 data logger's code stands for. */
    public Optional<String> code2017(String code2005) {
        return Optional.ofNullable(codes2005.get(code2005));
    }

    /** The factor of a 2005 code. */
    public Optional<Factor> byCode2005(String code2005) {
        return code2017(code2005).map(byCode::get);
    }

    /** Every factor, in the order of the table. */
    public List<Factor> all() {
        return List.copyOf(byCode.values());
    }

    /** Every 2005 code with its 2017 code. */
    public Map<String, String> codes2005() {
        return codes2005;
    }

    /** Lazy holder: the tables are read on first use, once. */
    private static final class Shipped {
        private static final FactorCatalog CATALOG = load();

        private static FactorCatalog load() {
            try (Reader factors = resource(FACTORS); Reader legacy = resource(CODES_2005)) {
                return read(factors, legacy);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the HJ 212 factor tables", e);
            }
        }

        private static Reader resource(String name) {
            InputStream in = FactorCatalog.class.getResourceAsStream(name);
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the contracts jar");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }
    }
}
