package io.parkwatch.console.permits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.console.rules.RuleShelf;
import io.parkwatch.console.state.ConsoleState;
import io.parkwatch.console.state.FoldedTopic;
import io.parkwatch.contracts.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's state follows the permits topic whole, as the records arrive. */
class PermitFoldTest {

    private final ConsoleState state = new ConsoleState(new RuleShelf((name, source, yaml) -> {
        throw new IllegalArgumentException("no packs here");
    }, List.of()));
    private final FoldedTopic permits = state.folds().stream()
        .filter(topic -> topic.topic().equals(Topics.PERMITS.name())).findFirst().orElseThrow();

    @Test
    void aPublishedPermitIsHeldUntilItsTombstone() {
        assertThat(permits.lookBack()).isEqualTo(Duration.ZERO);
        permits.fold().apply("otog/c05", Topics.PERMITS.valueSerde().serializer()
            .serialize(Topics.PERMITS.name(), PermitFixture.record()));
        assertThat(state.permits().at("otog", "c05", "stack-01")).hasValueSatisfying(
            at -> assertThat(at.outlet().id()).isEqualTo("DA001"));
        permits.fold().apply("otog/c05", null);
        assertThat(state.permits().all()).isEmpty();
    }

    @Test
    void anUnreadableRecordThrowsSoThatTheFeedRejectsIt() {
        assertThatThrownBy(() -> permits.fold().apply("otog/c05", "{not json".getBytes(StandardCharsets.UTF_8)))
            .isInstanceOf(RuntimeException.class);
        assertThat(state.permits().all()).isEmpty();
    }
}
