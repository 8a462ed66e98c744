package io.parkwatch.ingest.jt808;

import java.util.Arrays;
import java.util.Objects;

/**
 * One unescaped, check-code-verified JT/T 808 message whose body is complete and plain (split
 * and encrypted messages never become a frame).
 *
 * @param messageId  the message id WORD, e.g. 0x0200
 * @param version    the header layout; 2011 and 2013 are both {@link Jt808Version#V2013}
 * @param terminalId the BCD terminal phone as decimal digits, leading zeros kept as sent:
 *                   12 digits for a 2011/2013 header, 20 for a 2019 header
 * @param serial     the message serial number WORD, 0-65535
 * @param body       the message body; copied in and out, so a frame is immutable
 */
public record Jt808Frame(int messageId, Jt808Version version, String terminalId, int serial, byte[] body) {

    public Jt808Frame {
        Objects.requireNonNull(version, "version is required");
        Objects.requireNonNull(terminalId, "terminalId is required");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The message id as the standard writes it, e.g. {@code 0x0200}. */
    public String messageIdHex() {
        return String.format("0x%04X", messageId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Jt808Frame that && messageId == that.messageId && version == that.version
            && terminalId.equals(that.terminalId) && serial == that.serial && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, version, terminalId, serial, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "Jt808Frame[" + messageIdHex() + ", " + version + ", terminal " + terminalId + ", serial " + serial
            + ", " + body.length + " body bytes]";
    }
}
