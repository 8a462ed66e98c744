package io.parkwatch.bench.fuzz;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Malformed JSON point payloads: broken syntax, encodings, nesting, numbers, types and fields. */
final class JsonFuzzer {

    private static final String[] ABSURD = {"1e999", "-1e999", "NaN", "\"NaN\"", "Infinity", "-Infinity", "0x10",
        ".5", "1.", "+1", "01", "1e", "--1", "1_000", "∞", "null", "1e99999999999"};
    private static final String[] WRONG_VALUE = {"true", "false", "[]", "{}", "[1]", "{\"v\":1}", "\"\"", "\"abc\""};
    private static final String[] WRONG_OTHER = {"\"metric\":5", "\"metric\":\"\"", "\"metric\":null", "\"unit\":7",
        "\"unit\":\"\"", "\"unit\":\"furlongs\"", "\"ts\":\"yesterday\"", "\"ts\":true", "\"ts\":1e30", "\"ts\":-1",
        "\"ts\":\"2026-13-45T99:99:99+08:00\"", "\"ts\":\"2026-11-23T15:59:00\"", "\"ts\":253402300800000",
        "\"ts\":0", "\"quality\":\"Z\"", "\"quality\":1", "\"id\":[]"};
    private static final String[] WHOLE = {"", " ", "\n", "null", "true", "42", "\"text\"", "[]", "{}", "[[]]",
        "[null]", "[1,2]", "[{}]", "{\"metric\":}", "{", "}", "[", "]", "{\"a\":1}"};
    private static final String[] SYNTAX = {",}", "}}", "]", "/*c*/", "// c\n", "'", "\u0000", "garbage"};

    private final FuzzPark park;
    private final long now;

    JsonFuzzer(FuzzPark park, long nowMillis) {
        this.park = park;
        this.now = nowMillis;
    }

    FuzzCase next(Random random) {
        int kind = random.nextInt(16);
        return switch (kind) {
            case 0 -> of("truncated", RawMutations.truncated(random, valid()), false);
            case 1 -> of("flipped-byte", RawMutations.flipped(random, valid()), true);
            case 2 -> of("binary", RawMutations.noise(random, 512), false);
            case 3 -> of("oversized", RawMutations.oversized(random, valid()), false);
            case 4 -> of("encoding.gbk", text("温度", random).getBytes(Charset.forName("GBK")), false);
            case 5 -> of("encoding.utf16", text("温度", random).getBytes(random.nextBoolean() ? StandardCharsets.UTF_16
                : StandardCharsets.UTF_16LE), true);
            case 6 -> of("encoding.invalid-utf8", RawMutations.invalidUtf8(random, valid(), 2, 20), false);
            case 7 -> of("deep-nesting", nested(random), false);
            case 8 -> number(random);
            case 9 -> of("wrong-type.value", object("\"value\":" + RawMutations.pick(random, WRONG_VALUE), null), false);
            case 10 -> of("wrong-type.field", object("\"value\":1.5", RawMutations.pick(random, WRONG_OTHER)), false);
            case 11 -> of("missing-field", missing(random), false);
            case 12 -> of("whole", RawMutations.pick(random, WHOLE).getBytes(StandardCharsets.UTF_8), false);
            case 13 -> of("syntax", syntax(random), false);
            case 14 -> of("huge-array", hugeArray(random), false);
            // Over 309 digits: past the largest double, so no longer a finite number.
            default -> of("value.400-digits", object("\"value\":" + (random.nextBoolean() ? "-" : "")
                + RawMutations.digits(random, 310 + random.nextInt(200)), null), false);
        };
    }

    private FuzzCase of(String mutation, byte[] payload, boolean mayBeValid) {
        return new FuzzCase(FuzzFormat.JSON, "json." + mutation, park.topic(FuzzFormat.JSON), payload, mayBeValid);
    }

    private byte[] valid() {
        return object("\"value\":412.5", null);
    }

    /** One reading, its value (and one field replaced) as given. */
    private byte[] object(String value, String replaced) {
        String metric = "\"metric\":\"active_power\"";
        String unit = "\"unit\":\"kW\"";
        String ts = "\"ts\":" + now;
        if (replaced != null) {
            String key = replaced.substring(0, replaced.indexOf(':'));
            metric = metric.startsWith(key) ? replaced : metric;
            unit = unit.startsWith(key) ? replaced : unit;
            ts = ts.startsWith(key) ? replaced : ts;
            if (key.equals("\"quality\"") || key.equals("\"id\"")) {
                ts = ts + "," + replaced;
            }
        }
        return ("{" + metric + "," + value + "," + unit + "," + ts + "}").getBytes(StandardCharsets.UTF_8);
    }

    private String text(String metric, Random random) {
        return "{\"metric\":\"" + metric + random.nextInt(100) + "\",\"value\":1.5,\"unit\":\"kW\",\"ts\":" + now + "}";
    }

    private FuzzCase number(Random random) {
        if (random.nextInt(8) == 0) {
            // -0 and an underflow to zero are finite numbers: a gateway may rightly take them.
            return of("value.zero", object("\"value\":" + (random.nextBoolean() ? "-0" : "1e-999"), null), true);
        }
        return of("value.absurd", object("\"value\":" + RawMutations.pick(random, ABSURD), null), false);
    }

    private static byte[] nested(Random random) {
        int depth = 500 + random.nextInt(30_000);
        boolean objects = random.nextBoolean();
        StringBuilder text = new StringBuilder(depth * 8);
        for (int i = 0; i < depth; i++) {
            text.append(objects ? "{\"a\":" : "[");
        }
        text.append('1');
        for (int i = 0; i < depth; i++) {
            text.append(objects ? '}' : ']');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] missing(Random random) {
        String[] fields = {"\"metric\":\"active_power\"", "\"value\":412.5", "\"unit\":\"kW\"", "\"ts\":" + now};
        int drop = random.nextInt(fields.length);
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < fields.length; i++) {
            if (i != drop) {
                text.append(text.length() > 1 ? "," : "").append(fields[i]);
            }
        }
        return text.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] syntax(Random random) {
        String valid = new String(valid(), StandardCharsets.UTF_8);
        String junk = RawMutations.pick(random, SYNTAX);
        return switch (random.nextInt(4)) {
            case 0 -> (valid + junk).getBytes(StandardCharsets.UTF_8);
            case 1 -> valid.replace("\"", "'").getBytes(StandardCharsets.UTF_8);
            case 2 -> valid.replace("\"metric\"", "metric").getBytes(StandardCharsets.UTF_8);
            default -> (valid.substring(0, valid.length() - 1) + "," + junk + "}").getBytes(StandardCharsets.UTF_8);
        };
    }

    /** An array of many readings, one of them missing its unit. */
    private byte[] hugeArray(Random random) {
        int count = 10 + random.nextInt(800);
        int bad = random.nextInt(count);
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : ",").append("{\"metric\":\"m").append(i).append("\",\"value\":").append(i)
                .append(i == bad ? "" : ",\"unit\":\"kW\"").append(",\"ts\":").append(now).append('}');
        }
        return text.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }
}
