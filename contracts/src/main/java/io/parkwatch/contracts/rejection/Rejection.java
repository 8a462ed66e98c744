package io.parkwatch.contracts.rejection;

import io.parkwatch.contracts.reading.SourceFormat;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An input parkwatch refused, kept with its raw bytes so that nothing disappears unseen.
 *
 * @param source     where it came from: the MQTT topic, or the stage that refused it
 * @param enterprise the sender's enterprise when known, else null
 * @param format     the format it claimed to be, when known
 * @param raw        the bytes exactly as received
 */
public record Rejection(
        String source,
        String park,
        String enterprise,
        SourceFormat format,
        RejectReason reason,
        String detail,
        byte[] raw,
        Instant receivedAt) {

    public Rejection {
        Objects.requireNonNull(source, "source is required");
        Objects.requireNonNull(reason, "reason is required");
        Objects.requireNonNull(receivedAt, "receivedAt is required");
        detail = detail == null ? reason.description() : detail;
        raw = raw == null ? new byte[0] : raw.clone();
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Rejection that
            && source.equals(that.source)
            && Objects.equals(park, that.park)
            && Objects.equals(enterprise, that.enterprise)
            && format == that.format
            && reason == that.reason
            && detail.equals(that.detail)
            && Arrays.equals(raw, that.raw)
            && receivedAt.equals(that.receivedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, park, enterprise, format, reason, detail, Arrays.hashCode(raw), receivedAt);
    }

    @Override
    public String toString() {
        return "Rejection[" + reason + " from " + source + ": " + detail + ", " + raw.length + " bytes]";
    }
}
