package io.parkwatch.sink.influx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineBufferTest {

    @Test
    void numbersTextAndBytesAreWrittenAsLongToStringAndUtf8WriteThem() {
        Random random = new Random(9L);
        LineBuffer buffer = new LineBuffer(1);
        StringBuilder expected = new StringBuilder();
        long[] edges = {0, 9, 10, 99, 100, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L, Long.MAX_VALUE, -1,
            Long.MIN_VALUE};
        for (long value : edges) {
            buffer.appendLong(value);
            buffer.append(' ');
            expected.append(value).append(' ');
        }
        for (int n = 0; n < 10_000; n++) {
            long value = random.nextLong() >> random.nextInt(64);
            buffer.appendLong(value);
            String text = n % 3 == 0 ? "caf\u00e9 \ud83d\ude00 \ud83d" : "ascii," + n;
            buffer.appendUtf8(text);
            buffer.append(("raw" + n).getBytes(StandardCharsets.UTF_8));
            expected.append(value).append(text).append("raw").append(n);
        }
        assertThat(buffer.toByteArray()).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
        buffer.truncate(3);
        assertThat(buffer.toString()).isEqualTo(expected.substring(0, 3));
    }
}
