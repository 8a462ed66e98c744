package io.parkwatch.ingest.json;

import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.directory.PointDirectory;
import io.parkwatch.ingest.feedback.JsonFeedback;
import io.parkwatch.ingest.format.DecodedPayload;
import io.parkwatch.ingest.format.PayloadFormat;
import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.format.TopicAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** JSON readings on {@code parks/{park}/enterprises/{enterprise}/points/{point}}: the topic names the point. */
public final class JsonPointFormat implements PayloadFormat {

    private final JsonPointPayloadDecoder decoder = new JsonPointPayloadDecoder();
    private final PointDirectory directory;

    public JsonPointFormat(PointDirectory directory) {
        this.directory = directory;
    }

    @Override
    public SourceFormat sourceFormat() {
        return SourceFormat.JSON;
    }

    @Override
    public DecodedPayload decode(TopicAddress address, byte[] payload) throws RejectedInputException {
        PointEntry point = directory.point(address.park(), address.enterprise(), address.point())
            .orElseThrow(() -> new RejectedInputException(RejectReason.UNKNOWN_POINT, "point '" + address.point()
                + "' is not registered for enterprise '" + address.enterprise() + "'"));
        return DecodedPayload.of(point, plainAscii(payload)
            ? decoder.decode(point.pointKey(), payload)
            : decoder.decode(point.pointKey(), utf8(payload)));
    }

    @Override
    public byte[] rejectionReply(TopicAddress address, byte[] payload, RejectedInputException rejected) {
        return JsonFeedback.rejection(address, rejected);
    }

    /**
     * Readings are nearly always ASCII, which is UTF-8 as it stands: those are parsed from their
     * bytes. Anything else (and a NUL, never valid in JSON, which would let the parser guess
     * UTF-16) goes through strict decoding, so that bad UTF-8 keeps its own reason.
     */
    private static boolean plainAscii(byte[] payload) {
        for (byte b : payload) {
            if (b <= 0) {
                return false;
            }
        }
        return true;
    }

    private static String utf8(byte[] payload) throws RejectedInputException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new RejectedInputException(RejectReason.NOT_UTF8, "payload is not valid UTF-8: " + e.getMessage());
        }
    }
}
