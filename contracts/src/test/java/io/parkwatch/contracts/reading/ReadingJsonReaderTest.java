package io.parkwatch.contracts.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.parkwatch.contracts.json.JsonSerde;
import io.parkwatch.contracts.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader of readings either reads exactly what the contract serde reads or leaves
 * the record to the serde (null): it never accepts a record the serde refuses, nor reads a value
 * differently.
 */
class ReadingJsonReaderTest {

    private static final String HOSTILE = "aZ09 ,=\"\\\n\t\u00e9\u6c61\ud83c\udf2b/{}[]:";

    /** The contract's databind alone: the topic's own serde now reads through the reader under test. */
    private static final JsonSerde<Reading> DATABIND = new JsonSerde<>(Reading.class);

    private final ReadingJsonReader fast = new ReadingJsonReader();
    /** The reader's first stage on its own: what it reads must hold without the streaming parser behind it. */
    private final CompactReadingScanner scanner = new CompactReadingScanner();

    @Test
    void readsWhatTheContractSerdeWritesAsTheSerdeReadsIt() {
        Random random = new Random(17L);
        for (int n = 0; n < 5_000; n++) {
            Reading reading = randomReading(random, n);
            byte[] json = serialize(reading);
            if (reading.position() != null) {
                // Positions are left to the serde.
                assertThat(fast.read(json)).isNull();
            } else {
                assertThat(fast.read(json)).as(new String(json, StandardCharsets.UTF_8)).isEqualTo(reading)
                    .isEqualTo(serdeRead(json));
            }
        }
    }

    @Test
    void otherSpellingsAreLeftToTheSerdeOrReadAsItReadsThem() {
        String base = "\"messageId\":\"m\",\"park\":\"p\",\"enterprise\":\"e\",\"point\":\"pt\",\"metric\":\"a21026\","
            + "\"observedAt\":\"2026-11-29T07:21:05Z\",\"receivedAt\":\"2026-11-29T07:21:06.5Z\",\"sourceFormat\":\"JSON\"";
        List<String> variants = List.of(
            "{" + base + ",\"domain\":\"EMISSIONS\",\"value\":2}",
            "{" + base + ",\"domain\":\"EMISSIONS\",\"value\":-1.5e3,\"unit\":null,\"quality\":null,\"position\":null}",
            "{" + base + ",\"domain\":\"EMISSIONS\",\"value\":1,\"extra\":{\"a\":[1,{\"b\":null}]},\"more\":[]}",
            " {" + base + ",\"domain\":\"EMISSIONS\",\"value\":1} ",
            "{" + base + ",\"domain\":\"EMISSIONS\",\"value\":1,\"value\":2}",
            "{" + base + ",\"domain\":\"EMISSIONS\",\"value\":\"1.5\"}",
            "{" + base + ",\"domain\":\"emissions\",\"value\":1}",
            "{" + base + ",\"domain\":1,\"value\":1}",
            "{" + base + ",\"domain\":\"1\",\"value\":1}",
            "{" + base + ",\"domain\":\"\",\"value\":1}",
            "{" + base + ",\"domain\":\"EMISSIONS\",\"value\":1,\"quality\":\"X\"}",
            "{" + base + ",\"domain\":\"EMISSIONS\",\"value\":null}",
            "{" + base + ",\"domain\":null,\"value\":1}",
            "{" + base + ",\"domain\":\"EMISSIONS\",\"value\":1e400}",
            "{" + base + ",\"domain\":\"EMISSIONS\",\"value\":1,\"position\":{\"latitude\":39.6,\"longitude\":109.8,"
                + "\"speedKmh\":4,\"headingDegrees\":5,\"altitudeMetres\":6,\"alarmBits\":7,\"statusBits\":8}}",
            "{" + base + ",\"domain\":\"EMISSIONS\",\"value\":1,\"messageId\":12}",
            "{" + base + ",\"domain\":\"EMISSIONS\",\"value\":1,\"park\":\"  \"}",
            "{" + base + ",\"domain\":\"EMISSIONS\",\"value\":1} {}",
            "{" + base + ",\"domain\":\"EMISSIONS\",\"value\":1",
            "[{" + base + ",\"domain\":\"EMISSIONS\",\"value\":1}]",
            "null", "", "{}");
        for (String variant : variants) {
            assertReadsAsTheSerdeOrLeavesIt(variant.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(fast.read(variants.get(0).getBytes(StandardCharsets.UTF_8))).isNotNull();
        assertThat(fast.read(variants.get(4).getBytes(StandardCharsets.UTF_8))).as("duplicate field").isNull();
    }

    @Test
    void mutatedRecordsAreNeverReadDifferentlyFromTheSerde() {
        Random random = new Random(23L);
        String alphabet = "{}[],:\"\\ 0123456789.eE+-nultrfasZT" + HOSTILE;
        for (int n = 0; n < 10_000; n++) {
            StringBuilder json = new StringBuilder(new String(serialize(randomReading(random, n)), StandardCharsets.UTF_8));
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(json.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> json.deleteCharAt(at);
                    case 1 -> json.insert(at, c);
                    default -> json.setCharAt(at, c);
                }
            }
            assertReadsAsTheSerdeOrLeavesIt(json.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theCompactScannerReadsTheSerdesAsciiOutputAndLeavesTheRest() {
        Random random = new Random(29L);
        int scanned = 0;
        for (int n = 0; n < 5_000; n++) {
            Reading reading = randomReading(random, n);
            byte[] json = serialize(reading);
            Reading read = scanner.read(json);
            if (reading.position() == null && isPlainAscii(json)) {
                assertThat(read).as(new String(json, StandardCharsets.UTF_8)).isEqualTo(reading)
                    .isEqualTo(serdeRead(json));
                scanned++;
            } else {
                assertThat(read).as(new String(json, StandardCharsets.UTF_8)).isNull();
            }
        }
        assertThat(scanned).as("readings the scanner read itself").isGreaterThan(1_000);
    }

    @Test
    void theCompactScannerHandsOutOneStringPerRepeatedName() {
        String first = "{\"messageId\":\"m1\",\"park\":\"park-a\",\"enterprise\":\"e1\",\"point\":\"stack1\","
            + "\"domain\":\"EMISSIONS\",\"metric\":\"a21026\",\"value\":-0,\"position\":null,\"unit\":\"mg/m3\","
            + "\"observedAt\":\"2026-11-29T07:21:05Z\",\"receivedAt\":\"2026-11-29T07:21:06.5Z\",\"quality\":\"N\","
            + "\"sourceFormat\":\"JSON\"}";
        Reading a = scanner.read(first.getBytes(StandardCharsets.US_ASCII));
        Reading b = scanner.read(first.replace("m1", "m2").replace("-0", "12.5").getBytes(StandardCharsets.US_ASCII));
        assertThat(a).isEqualTo(serdeRead(first.getBytes(StandardCharsets.US_ASCII)));
        assertThat(a.value()).as("an integer -0 reads as Jackson reads it").isEqualTo(0.0);
        assertThat(b.messageId()).isEqualTo("m2");
        assertThat(b.value()).isEqualTo(12.5);
        assertThat(b.park()).isSameAs(a.park());
        assertThat(b.metric()).isSameAs(a.metric());
        assertThat(b.unit()).isSameAs(a.unit());
    }

    @Test
    void theCompactScannerReadsEveryShortAndLongDecimalAsJacksonDoes() {
        String template = "{\"messageId\":\"m\",\"park\":\"p\",\"enterprise\":\"e\",\"point\":\"s\","
            + "\"domain\":\"EMISSIONS\",\"metric\":\"a21026\",\"value\":VALUE,\"position\":null,\"unit\":\"\","
            + "\"observedAt\":\"2026-11-29T07:21:05Z\",\"receivedAt\":\"2026-11-29T07:21:05Z\",\"quality\":\"N\","
            + "\"sourceFormat\":\"JSON\"}";
        Random random = new Random(31L);
        List<String> numbers = new ArrayList<>(List.of("0.0", "-0.0", "0.000", "-0", "0", "0.1", "-0.1",
            "999999999999999.9", "99999999999999.99", "0.1234567890123456789012", "0.12345678901234567890123",
            "0.0000000000000000000001", "0.00000000000000000000001", "123456789012345678", "9007199254740993.0",
            "900719925474099.3", "1.7976931348623157", "4.9", "2.5e-3", "1E2"));
        for (int n = 0; n < 20_000; n++) {
            StringBuilder number = new StringBuilder(random.nextBoolean() ? "-" : "");
            int intDigits = 1 + random.nextInt(10);
            number.append(1 + random.nextInt(9));
            for (int d = 1; d < intDigits; d++) {
                number.append(random.nextInt(10));
            }
            if (random.nextInt(4) == 0) {
                number.setLength(number.length() - intDigits);
                number.append('0');
            }
            number.append('.');
            for (int d = 1 + random.nextInt(18); d > 0; d--) {
                number.append(random.nextInt(10));
            }
            numbers.add(number.toString());
        }
        for (String number : numbers) {
            byte[] json = template.replace("VALUE", number).getBytes(StandardCharsets.US_ASCII);
            Reading read = scanner.read(json);
            assertThat(read).as(number).isNotNull();
            assertThat(read.value()).as(number).isEqualTo(serdeRead(json).value());
        }
        assertThat(scanner.read(template.replace("VALUE", "-0.0").getBytes(StandardCharsets.US_ASCII)).value())
            .as("a decimal -0.0 keeps its sign, as Jackson reads it").isEqualTo(-0.0);
    }

    private static boolean isPlainAscii(byte[] json) {
        for (byte b : json) {
            if (b < 0x20 || b > 0x7e || b == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Both the whole reader and its compact scanner alone. */
    private void assertReadsAsTheSerdeOrLeavesIt(byte[] json) {
        for (Reading read : new Reading[] {fast.read(json), scanner.read(json)}) {
            if (read == null) {
                continue;
            }
            Throwable refused = catchThrowable(() -> serdeRead(json));
            assertThat(refused).as(new String(json, StandardCharsets.UTF_8)).isNull();
            assertThat(read).as(new String(json, StandardCharsets.UTF_8)).isEqualTo(serdeRead(json));
        }
    }

    private static Reading randomReading(Random random, int n) {
        Instant at = Instant.ofEpochSecond(random.nextLong(-5_000_000_000L, 250_000_000_000L),
            random.nextInt(10) == 0 ? 0 : random.nextInt(1_000_000_000) / (int) Math.pow(10, random.nextInt(9)));
        double value = switch (n % 5) {
            case 0 -> random.nextGaussian();
            case 1 -> random.nextLong();
            case 2 -> Double.longBitsToDouble(random.nextLong()) % 1e300;
            case 3 -> random.nextInt(1000);
            default -> random.nextDouble() * 1e-200;
        };
        boolean position = n % 11 == 0;
        return Reading.builder().messageId(text(random, "m" + n)).park(text(random, "park"))
            .enterprise(text(random, "e")).point(text(random, "p"))
            .domain(Domain.values()[random.nextInt(Domain.values().length)]).metric(text(random, "a21026"))
            .value(position ? null : Double.isFinite(value) ? value : 1.0)
            .position(position ? new Position(39.6, 109.8, 4, 5, 6, 7L, 8L) : null)
            .unit(n % 3 == 0 ? "" : text(random, "mg/m3")).observedAt(at)
            .receivedAt(at.plusMillis(random.nextInt(5000)))
            .quality(Quality.values()[random.nextInt(Quality.values().length)])
            .sourceFormat(SourceFormat.values()[random.nextInt(SourceFormat.values().length)]).build();
    }

    private static String text(Random random, String plain) {
        if (random.nextInt(4) != 0) {
            return plain;
        }
        StringBuilder text = new StringBuilder(plain);
        for (int i = random.nextInt(6); i >= 0; i--) {
            int at = random.nextInt(HOSTILE.length() - 1);
            char c = HOSTILE.charAt(at);
            if (Character.isHighSurrogate(c)) {
                text.append(HOSTILE, at, at + 2);
            } else if (!Character.isLowSurrogate(c)) {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static byte[] serialize(Reading reading) {
        return Topics.READINGS.valueSerde().serializer().serialize(Topics.READINGS.name(), reading);
    }

    private static Reading serdeRead(byte[] json) {
        return DATABIND.deserialize(Topics.READINGS.name(), json);
    }
}
