package io.parkwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.topics.Topics;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SkippingDeserializerTest {

    private final SkippingDeserializer<Rejection> rejections = new SkippingDeserializer<>("test",
        Topics.REJECTED.valueSerde().deserializer());

    @Test
    void unreadableBytesBecomeNullAndAreCounted() {
        assertThat(rejections.deserialize(Topics.REJECTED.name(), "\u00ffgarbage{".getBytes(StandardCharsets.ISO_8859_1)))
            .isNull();
        assertThat(rejections.deserialize(Topics.REJECTED.name(), "{".getBytes(StandardCharsets.UTF_8))).isNull();

        assertThat(rejections.skipped()).isEqualTo(2);
    }

    @Test
    void anAbsentValueIsNoSkip() {
        assertThat(rejections.deserialize(Topics.REJECTED.name(), null)).isNull();

        assertThat(rejections.skipped()).isZero();
    }
}
