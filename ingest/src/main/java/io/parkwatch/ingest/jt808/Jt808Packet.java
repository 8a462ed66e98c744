package io.parkwatch.ingest.jt808;

import java.util.Arrays;
import java.util.Objects;

/**
 * One unescaped, check-code-verified JT/T 808 frame, read as its header says, whatever it holds:
 * possibly one part of a split message or an encrypted body. A TCP session needs this much to
 * answer and to reassemble; {@link Jt808Frame} is what a complete, plain message becomes.
 *
 * @param messageId       the message id WORD
 * @param version         the header layout
 * @param protocolVersion the 2019 header's protocol-version byte; 0 for a 2011/2013 header
 * @param terminalId      the BCD terminal phone as decimal digits, leading zeros kept
 * @param serial          the message serial number WORD
 * @param encryption      body attribute bits 10-12; 0 for a plain body
 * @param partTotal       the packet total of a split message; 0 when not split
 * @param partIndex       this packet's index, from 1; 0 when not split
 * @param body            the body (of this part only); copied in and out
 */
public record Jt808Packet(int messageId, Jt808Version version, int protocolVersion, String terminalId, int serial,
                          int encryption, int partTotal, int partIndex, byte[] body) {

    public Jt808Packet {
        Objects.requireNonNull(version, "version is required");
        Objects.requireNonNull(terminalId, "terminalId is required");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public boolean split() {
        return partTotal > 0;
    }

    /** The message id as the standard writes it, e.g. {@code 0x0200}. */
    public String messageIdHex() {
        return String.format("0x%04X", messageId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Jt808Packet that && messageId == that.messageId && version == that.version
            && protocolVersion == that.protocolVersion && terminalId.equals(that.terminalId) && serial == that.serial
            && encryption == that.encryption && partTotal == that.partTotal && partIndex == that.partIndex
            && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, version, protocolVersion, terminalId, serial, encryption, partTotal, partIndex,
            Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "Jt808Packet[" + messageIdHex() + ", " + version + ", terminal " + terminalId + ", serial " + serial
            + (split() ? ", part " + partIndex + " of " + partTotal : "") + ", " + body.length + " body bytes]";
    }
}
