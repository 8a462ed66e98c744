package io.parkwatch.ingest.hj212;

import java.util.Map;

/**
 * Factor codes of HJ/T 212-2005 data loggers translated to their HJ 212-2017 codes, for the
 * factors where docs/standards/hj212.md gives the pair. Other old codes are kept as sent.
 */
final class Hj212Factors {

    private static final Map<String, String> CODES_2005 = Map.ofEntries(
        Map.entry("01", "a34013"), Map.entry("02", "a21026"), Map.entry("03", "a21002"), Map.entry("04", "a21005"),
        Map.entry("B02", "a00000"), Map.entry("S02", "a01011"), Map.entry("S03", "a01012"),
        Map.entry("S08", "a01013"), Map.entry("S05", "a01014"), Map.entry("S01", "a19001"),
        Map.entry("B01", "w00000"), Map.entry("001", "w01001"), Map.entry("011", "w01018"),
        Map.entry("060", "w21003"), Map.entry("101", "w21011"), Map.entry("065", "w21001"));

    private Hj212Factors() {
    }

    /** The 2017 code of a factor; legacy packets' old codes are translated where known. */
    static String code(String factor, boolean legacy) {
        return legacy ? CODES_2005.getOrDefault(factor, factor) : factor;
    }
}
