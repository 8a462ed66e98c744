package io.parkwatch.contracts.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DecodedEntriesTest {

    private final List<String> decoded = new ArrayList<>();
    private final Function<byte[], String> decoder = raw -> {
        String text = new String(raw, StandardCharsets.UTF_8);
        decoded.add(text);
        return text.toUpperCase(java.util.Locale.ROOT);
    };

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void decodesAgainOnlyWhenTheBytesChange() {
        DecodedEntries<String> entries = new DecodedEntries<>(10);
        assertThat(entries.get("p1", bytes("a"), decoder)).isEqualTo("A");
        assertThat(entries.get("p1", bytes("a"), decoder)).as("equal bytes, another array").isEqualTo("A");
        assertThat(entries.get("p1", bytes("b"), decoder)).isEqualTo("B");
        assertThat(decoded).containsExactly("a", "b");
    }

    @Test
    void anEntryGoneFromTheStoreIsForgotten() {
        DecodedEntries<String> entries = new DecodedEntries<>(10);
        entries.get("p1", bytes("a"), decoder);
        assertThat(entries.get("p1", null, decoder)).isNull();
        assertThat(entries.get("p1", bytes("a"), decoder)).isEqualTo("A");
        assertThat(decoded).containsExactly("a", "a");
    }

    @Test
    void keepsAtMostItsBoundDroppingTheLeastRecentlyUsed() {
        DecodedEntries<String> entries = new DecodedEntries<>(2);
        entries.get("p1", bytes("a"), decoder);
        entries.get("p2", bytes("b"), decoder);
        entries.get("p1", bytes("a"), decoder);
        entries.get("p3", bytes("c"), decoder);
        entries.get("p1", bytes("a"), decoder);
        entries.get("p2", bytes("b"), decoder);
        assertThat(decoded).as("p2 was the least recently used when p3 came").containsExactly("a", "b", "c", "b");
    }
}
