package io.parkwatch.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.RejectedInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonPointPayloadDecoderTest {

    private static final String READING = "{\"metric\":\"active_power\",\"value\":1.5,\"unit\":\"kW\",\"ts\":1795420740000";

    private final JsonPointPayloadDecoder decoder = new JsonPointPayloadDecoder();

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{}", "42", "true", "\"\"", "\"  \""})
    void anIdThatIsNotANonEmptyStringIsRefusedNotReplacedByTheDefault(String id) {
        assertThatThrownBy(() -> decoder.decode("p/e/m01", READING + ",\"id\":" + id + "}"))
            .isInstanceOfSatisfying(RejectedInputException.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectReason.MALFORMED_JSON))
            .hasMessageContaining("'id'");
    }

    @Test
    void aStringIdIsTheMessageIdAndNoIdOrNullGivesTheDefault() throws Exception {
        assertThat(decoder.decode("p/e/m01", READING + ",\"id\":\"m-7\"}").get(0).messageId()).isEqualTo("m-7");
        assertThat(decoder.decode("p/e/m01", READING + ",\"id\":null}").get(0).messageId())
            .isEqualTo("p/e/m01|active_power|1795420740000");
        assertThat(decoder.decode("p/e/m01", READING + "}").get(0).messageId())
            .isEqualTo("p/e/m01|active_power|1795420740000");
    }
}
