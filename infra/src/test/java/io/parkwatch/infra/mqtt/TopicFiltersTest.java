package io.parkwatch.infra.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicFiltersTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "a/b/c, a/b/c, true",
        "a/b/c, a/b, false",
        "a/+/c, a/x/c, true",
        "a/+/c, a//c, true",
        "a/+/c, a/x/y/c, false",
        "a/#, a, true",
        "a/#, a/b/c, true",
        "a/#, ab, false",
        "#, a/b, true",
        "#, $SYS/x, false",
        "+/x, $SYS/x, false",
        "$SYS/#, $SYS/x, true",
        "+, a, true",
        "+, a/b, false",
        "+/+, /a, true",
        "a/b, a/+, false",
        "a/#, a/#, false",
        "parks/p1/enterprises/e1/#, parks/p1/enterprises/e1/meters/m1, true",
        "parks/p1/enterprises/e1/#, parks/p1/enterprises/e10/meters/m1, false",
    })
    void matchesLikeTheSpec(String filter, String topic, boolean expected) {
        assertThat(TopicFilters.matches(filter, topic)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
        "a/#, a/b, true",
        "a/#, a, true",
        "a/#, a/#, true",
        "a/#, a/+/c, true",
        "a/+, a/b, true",
        "a/+, a/+, true",
        "a/+, a/#, false",
        "a/+, a/b/c, false",
        "a/b, a/+, false",
        "a/b, a/b/#, false",
        "a/+/c, a/b/c, true",
        "a/+/c, a/+/+, false",
        "#, #, true",
        "#, $SYS/#, false",
        "+/#, $share/x, false",
        "+/#, a/b, true",
        "parks/#, parks/p1/enterprises/+/feedback, true",
        "parks/p1/enterprises/e1/feedback/#, parks/p1/enterprises/e1/feedback, true",
        "parks/p1/enterprises/e1/feedback/#, parks/p1/enterprises/+/feedback, false",
        "parks/p1/enterprises/e1/feedback/#, parks/#, false",
    })
    void coversOnlyWhatItMatches(String granted, String requested, boolean expected) {
        assertThat(TopicFilters.covers(granted, requested)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/#/b", "a#", "a/b+", "+a", "a\nb", "a\u0000b"})
    void rejectsMalformedFilters(String filter) {
        assertThat(TopicFilters.isValidFilter(filter)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/+", "a/#", "a\u0000", "a\tb"})
    void rejectsMalformedTopics(String topic) {
        assertThat(TopicFilters.isValidTopic(topic)).isFalse();
    }
}
