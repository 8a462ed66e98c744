package io.parkwatch.ingest.jt808;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.format.DecodedPayload;
import io.parkwatch.ingest.format.Observation;
import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.format.TopicAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class Jt808FormatTest {

    private static final PointEntry TRUCK = new PointEntry("ordos", "hazmat-co", "v-13", Module.LOGISTICS,
        "hazmat-vehicle", Duration.ofSeconds(30), null, "011223344550");
    private final Jt808Format format = new Jt808Format(RegistryView.of(List.of(TRUCK)));

    private static TopicAddress vehicle(String id) {
        return new TopicAddress("ordos", null, id, PayloadKind.JT808);
    }

    @Test
    void aRegisteredVehicleWithItsOwnTerminalReportsItsPosition() throws Exception {
        DecodedPayload decoded = format.decode(vehicle("v-13"), Jt808TestFrames.hex(Jt808TestFrames.STANDARD_EXAMPLE));

        assertThat(format.sourceFormat()).isEqualTo(SourceFormat.JT808);
        assertThat(decoded.point()).isEqualTo(TRUCK);
        assertThat(decoded.observations()).extracting(Observation::metric).containsExactly("position", "mileage");
        assertThat(decoded.observations().get(0).position().latitude()).isEqualTo(12.222222);
    }

    @Test
    void aFrameFromAnotherTerminalIsRefused() {
        PointEntry other = new PointEntry("ordos", "hazmat-co", "v-14", Module.LOGISTICS, "hazmat-vehicle",
            Duration.ofSeconds(30), null, "013800138000");
        Jt808Format withTwo = new Jt808Format(RegistryView.of(List.of(TRUCK, other)));

        assertThatThrownBy(() -> withTwo.decode(vehicle("v-14"), Jt808TestFrames.hex(Jt808TestFrames.STANDARD_EXAMPLE)))
            .isInstanceOf(RejectedInputException.class)
            .hasMessageContaining("terminal 011223344550 is not the one registered for vehicle 'v-14'")
            .extracting(e -> ((RejectedInputException) e).reason()).isEqualTo(RejectReason.JT808_UNKNOWN_TERMINAL);
    }

    @Test
    void anUnregisteredVehicleIsRefusedBeforeItsFrameIsRead() {
        assertThatThrownBy(() -> format.decode(vehicle("v-99"), new byte[] {1, 2, 3}))
            .extracting(e -> ((RejectedInputException) e).reason()).isEqualTo(RejectReason.UNKNOWN_POINT);
    }

    @Test
    void refusalsAreAnsweredInJson() {
        byte[] reply = format.rejectionReply(vehicle("v-13"), new byte[0],
            new RejectedInputException(RejectReason.JT808_BAD_CHECK_CODE, "check code 0xAC, computed 0xAB"));
        assertThat(new String(reply, StandardCharsets.UTF_8))
            .contains("\"reason\":\"JT808_BAD_CHECK_CODE\"").contains("\"point\":\"v-13\"");
    }
}
