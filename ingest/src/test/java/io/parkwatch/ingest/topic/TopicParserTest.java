package io.parkwatch.ingest.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.format.TopicAddress;
import org.junit.jupiter.api.Test;

class TopicParserTest {

    private final TopicParser parser = new TopicParser();

    @Test
    void readsThePointTopic() throws Exception {
        assertThat(parser.parse("parks/xilinhot/enterprises/e001/points/elec-01"))
            .isEqualTo(new TopicAddress("xilinhot", "e001", "elec-01", PayloadKind.JSON));
    }

    @Test
    void readsTheHj212AndJt808Topics() throws Exception {
        assertThat(parser.parse("parks/ordos/enterprises/e7/hj212").kind()).isEqualTo(PayloadKind.HJ212);
        assertThat(parser.parse("parks/ordos/vehicles/v-13/jt808"))
            .isEqualTo(new TopicAddress("ordos", null, "v-13", PayloadKind.JT808));
    }

    @Test
    void recognisesFeedbackTopics() throws Exception {
        assertThat(parser.parse("parks/ordos/enterprises/e7/feedback").kind()).isEqualTo(PayloadKind.FEEDBACK);
        assertThat(parser.parse("parks/ordos/enterprises/e7/feedback/m-1").kind()).isEqualTo(PayloadKind.FEEDBACK);
        assertThat(parser.parse("parks/ordos/vehicles/v-13/feedback").kind()).isEqualTo(PayloadKind.FEEDBACK);
    }

    @Test
    void rejectsOtherShapesWithTheExpectedOnes() {
        assertThatThrownBy(() -> parser.parse("parks/ordos/enterprises/e7"))
            .isInstanceOf(RejectedInputException.class)
            .hasMessageContaining("parks/{park}/enterprises/{enterprise}/points/{point}")
            .extracting(e -> ((RejectedInputException) e).reason()).isEqualTo(RejectReason.UNKNOWN_TOPIC);
        assertThatThrownBy(() -> parser.parse("parks/ordos/enterprises/e7/points/a/b"))
            .isInstanceOf(RejectedInputException.class);
    }

    @Test
    void rejectsSegmentsWithOddCharacters() {
        assertThatThrownBy(() -> parser.parse("parks/ordos/enterprises/e 7/points/p"))
            .hasMessageContaining("invalid segment 'e 7'");
        assertThatThrownBy(() -> parser.parse("parks//enterprises/e7/points/p"))
            .hasMessageContaining("invalid segment ''");
    }

    @Test
    void rejectsOverlongSegmentsAndTooManySegments() {
        assertThatThrownBy(() -> parser.parse("parks/ordos/enterprises/" + "e".repeat(65) + "/points/p"))
            .hasMessageContaining("invalid segment");
        assertThat(catchRejection("parks/ordos/enterprises/e7/points/p/x/y/z")).isEqualTo(RejectReason.UNKNOWN_TOPIC);
        assertThat(catchRejection("parks/ordos/vehicles/v1/jt808/x")).isEqualTo(RejectReason.UNKNOWN_TOPIC);
    }

    private RejectReason catchRejection(String topic) {
        try {
            parser.parse(topic);
            throw new AssertionError("accepted " + topic);
        } catch (RejectedInputException e) {
            return e.reason();
        }
    }
}
