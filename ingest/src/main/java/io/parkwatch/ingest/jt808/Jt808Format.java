package io.parkwatch.ingest.jt808;

import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.directory.PointDirectory;
import io.parkwatch.ingest.feedback.JsonFeedback;
import io.parkwatch.ingest.format.DecodedPayload;
import io.parkwatch.ingest.format.PayloadFormat;
import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.format.TopicAddress;

/**
 * JT/T 808 frames on {@code parks/{park}/vehicles/{vehicle}/jt808}: the vehicle must be registered
 * in the park and the frame's terminal must be the one registered for it.
 */
public final class Jt808Format implements PayloadFormat {

    private final PointDirectory directory;

    public Jt808Format(PointDirectory directory) {
        this.directory = directory;
    }

    @Override
    public SourceFormat sourceFormat() {
        return SourceFormat.JT808;
    }

    @Override
    public DecodedPayload decode(TopicAddress address, byte[] payload) throws RejectedInputException {
        PointEntry vehicle = directory.vehicle(address.park(), address.point())
            .orElseThrow(() -> new RejectedInputException(RejectReason.UNKNOWN_POINT, "vehicle '" + address.point()
                + "' is not registered in park '" + address.park() + "'"));
        Jt808Frame frame = Jt808FrameDecoder.decode(payload);
        if (!frame.terminalId().equals(vehicle.jt808Terminal())) {
            throw new RejectedInputException(RejectReason.JT808_UNKNOWN_TERMINAL, "terminal " + frame.terminalId()
                + " is not the one registered for vehicle '" + vehicle.id() + "'");
        }
        return DecodedPayload.of(vehicle, Jt808Locations.observations(frame));
    }

    @Override
    public byte[] rejectionReply(TopicAddress address, byte[] payload, RejectedInputException rejected) {
        return JsonFeedback.rejection(address, rejected);
    }
}
