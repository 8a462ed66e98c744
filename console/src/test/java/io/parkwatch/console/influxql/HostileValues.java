package io.parkwatch.console.influxql;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Values a caller might send to break out of a quoted InfluxQL token. */
public final class HostileValues {

    public static final List<String> ALL = List.of(
        "x'",
        "x' OR 1=1",
        "x' OR '1'='1",
        "x' OR time > 0 --",
        "x\\",
        "x\\' OR 1=1",
        "x\\\\' OR 1=1",
        "x\"",
        "x\" OR \"park\" =~ /.*/",
        ".*",
        "/.*/",
        "e0(0|1)",
        "^e00[0-9]+$",
        "x; DROP MEASUREMENT reading",
        "x'; DROP DATABASE parkwatch; SELECT '",
        "x\nSELECT * FROM reading",
        "x\r\n",
        "x\u0000",
        "a".repeat(65),
        "a".repeat(10_000),
        "企业一",
        "e\u00e9",
        "\u202eetirw",
        "😀");

    private HostileValues() {
    }

    /** {@code name=value}, percent-encoded as a client would send it. */
    public static String pair(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
