package io.parkwatch.ingest.jt808;

import static io.parkwatch.ingest.jt808.Jt808TestFrames.frame;
import static io.parkwatch.ingest.jt808.Jt808TestFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.RejectedInputException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class Jt808FrameDecoderTest {

    private static final byte[] BODY = {1, 2, 3};

    static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(ThrowingCallable call, RejectReason reason) {
        return assertThatThrownBy(call).isInstanceOf(RejectedInputException.class)
            .satisfies(e -> assertThat(((RejectedInputException) e).reason()).isEqualTo(reason));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(byte[] payload,
                                                                                  RejectReason reason) {
        return assertRejected(() -> Jt808FrameDecoder.decode(payload), reason);
    }

    @Test
    void readsTheHeaderOfTheStandardExample() throws Exception {
        Jt808Frame frame = Jt808FrameDecoder.decode(hex(Jt808TestFrames.STANDARD_EXAMPLE));

        assertThat(frame.messageId()).isEqualTo(0x0200);
        assertThat(frame.messageIdHex()).isEqualTo("0x0200");
        assertThat(frame.version()).isEqualTo(Jt808Version.V2013);
        assertThat(frame.terminalId()).isEqualTo("011223344550");
        assertThat(frame.serial()).isZero();
        assertThat(frame.body()).hasSize(38);
    }

    @Test
    void readsA2019HeaderWithItsTwentyDigitTerminal() throws Exception {
        Jt808Frame frame = Jt808FrameDecoder.decode(
            frame(0x0200, BODY).version2019("00000000013912345678").serial(65535).build());

        assertThat(frame.version()).isEqualTo(Jt808Version.V2019);
        assertThat(frame.terminalId()).isEqualTo("00000000013912345678");
        assertThat(frame.serial()).isEqualTo(65535);
        assertThat(frame.body()).containsExactly(BODY);
    }

    @Test
    void keepsTheLeadingZerosOfTheTerminalPhone() throws Exception {
        assertThat(Jt808FrameDecoder.decode(frame(0x0200, BODY).terminal("000000000042").build()).terminalId())
            .isEqualTo("000000000042");
    }

    @Test
    void undoesBothEscapes() throws Exception {
        byte[] body = {0x7E, 0x7D, 0x01, 0x02, 0x7D, 0x7E};
        byte[] payload = frame(0x0200, body).build();

        assertThat(payload).containsSequence(0x7D, 0x02, 0x7D, 0x01, 0x01, 0x02, 0x7D, 0x01, 0x7D, 0x02);
        assertThat(Jt808FrameDecoder.decode(payload).body()).containsExactly(body);
    }

    @Test
    void rejectsAnUnknownEscape() {
        assertRejected(hex("7E 0200 7D03 7E"), RejectReason.JT808_BAD_ESCAPE)
            .hasMessageContaining("0x7D 0x03 at offset 3");
    }

    @Test
    void rejectsAnEscapeThatEndsTheFrame() {
        assertRejected(hex("7E 0200 7D 7E"), RejectReason.JT808_BAD_ESCAPE)
            .hasMessageContaining("0x7D at offset 3 ends the frame");
    }

    @Test
    void rejectsAWrongCheckCodeNamingBoth() {
        byte[] payload = frame(0x0200, BODY).checkCode(0x00).build();
        int computed = checkOf(BODY);

        assertRejected(payload, RejectReason.JT808_BAD_CHECK_CODE)
            .hasMessage(String.format("check code 0x00, computed 0x%02X", computed));
    }

    /** The check code the builder wrote into a good frame (unescaped: this one needs no escape). */
    private static int checkOf(byte[] body) {
        byte[] good = frame(0x0200, body).build();
        assertThat(good[good.length - 3]).isNotEqualTo((byte) 0x7D);
        return good[good.length - 2] & 0xFF;
    }

    @Test
    void rejectsTheStandardExampleWithItsCheckCodeChanged() {
        String example = Jt808TestFrames.STANDARD_EXAMPLE;
        assertRejected(hex(example.substring(0, example.length() - 4) + "AC7E"), RejectReason.JT808_BAD_CHECK_CODE)
            .hasMessage("check code 0xAC, computed 0xAB");
    }

    @Test
    void rejectsPayloadsWithoutTheirFlags() {
        String example = Jt808TestFrames.STANDARD_EXAMPLE;
        assertRejected(new byte[0], RejectReason.JT808_MALFORMED).hasMessageContaining("empty");
        assertRejected(hex(example.substring(2)), RejectReason.JT808_MALFORMED)
            .hasMessageContaining("does not start with the 0x7E flag: 0x02");
        assertRejected(hex(example.substring(0, example.length() - 2)), RejectReason.JT808_TRUNCATED)
            .hasMessageContaining("does not end with the 0x7E flag");
        assertRejected(hex("7E"), RejectReason.JT808_TRUNCATED);
        assertRejected(hex("7E7E"), RejectReason.JT808_TRUNCATED).hasMessageContaining("nothing between its flags");
    }

    @Test
    void rejectsAFlagInsideTheFrame() {
        String example = Jt808TestFrames.STANDARD_EXAMPLE;
        assertRejected(hex(example.substring(0, 20) + "7E" + example.substring(20)), RejectReason.JT808_MALFORMED)
            .hasMessageContaining("a 0x7E flag at offset 10");
    }

    @Test
    void rejectsTwoMessagesInOnePayload() {
        String example = Jt808TestFrames.STANDARD_EXAMPLE;
        assertRejected(hex(example + example), RejectReason.JT808_MALFORMED)
            .hasMessageContaining("is not a part of a split message; a payload carries one message");
    }

    @Test
    void joinsTheBodiesOfAllPartsOfASplitMessageInOrder() throws Exception {
        byte[] one = frame(0x0704, hex("0001 00")).split(2, 1).serial(40).build();
        byte[] two = frame(0x0704, hex("7E7D")).split(2, 2).serial(41).build();

        Jt808Frame joined = Jt808FrameDecoder.decode(concat(one, two));

        assertThat(joined.messageId()).isEqualTo(0x0704);
        assertThat(joined.serial()).isEqualTo(40);
        assertThat(joined.body()).isEqualTo(hex("0001 00 7E7D"));
    }

    @Test
    void rejectsPartsOutOfOrderOrMissing() {
        byte[] one = frame(0x0704, hex("00")).split(3, 1).build();
        byte[] two = frame(0x0704, hex("01")).split(3, 2).build();
        byte[] three = frame(0x0704, hex("02")).split(3, 3).build();
        assertRejected(concat(one, three, two), RejectReason.JT808_MALFORMED)
            .hasMessageContaining("frame 2 of the payload is packet 3; the parts must be packets 1 to 3 in order");
        assertRejected(concat(one, two), RejectReason.JT808_TRUNCATED)
            .hasMessageContaining("is split into 3 packets, only 2 arrived");
        assertRejected(concat(one, frame(0x0200, hex("01")).split(3, 2).build()), RejectReason.JT808_MALFORMED)
            .hasMessageContaining("is not a part of the first frame's message 0x0704");
    }

    private static byte[] concat(byte[]... frames) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] frame : frames) {
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    @Test
    void rejectsAFrameTooShortForItsHeader() {
        assertRejected(Jt808TestFrames.wrap(hex("0200 0000 0139123456"), null), RejectReason.JT808_TRUNCATED)
            .hasMessageContaining("header: terminal phone BCD[6] needs 6 bytes at offset 4, only 5 remain");
        assertRejected(Jt808TestFrames.wrap(hex("0200 4000 01 0139123456"), null), RejectReason.JT808_TRUNCATED)
            .hasMessageContaining("terminal phone BCD[10]");
    }

    @Test
    void rejectsABodyShorterThanItsAttributesSay() {
        assertRejected(frame(0x0200, BODY).bodyLength(4).build(), RejectReason.JT808_TRUNCATED)
            .hasMessageContaining("say 4 body bytes, only 3 follow the header");
    }

    @Test
    void rejectsABodyLongerThanItsAttributesSay() {
        assertRejected(frame(0x0200, BODY).bodyLength(2).build(), RejectReason.JT808_MALFORMED)
            .hasMessageContaining("say 2 body bytes, but 3 follow the header");
    }

    @Test
    void rejectsSplitMessages() {
        assertRejected(frame(0x0200, BODY).split(3, 1).build(), RejectReason.JT808_TRUNCATED)
            .hasMessage("message 0x0200 from terminal 013912345678 is split into 3 packets, only 1 arrived (packets 1 "
                + "to 1); a split message is read with all its parts");
    }

    @Test
    void rejectsEncryptedBodies() {
        assertRejected(frame(0x0200, BODY).attributeBits(1 << 10).build(), RejectReason.JT808_UNSUPPORTED_MESSAGE)
            .hasMessageContaining("encrypted bodies are not accepted")
            .hasMessageContaining("encryption bits 1");
    }

    @Test
    void rejectsATerminalPhoneThatIsNotBcd() {
        assertRejected(frame(0x0200, BODY).terminal("01391234567A").build(), RejectReason.JT808_MALFORMED)
            .hasMessageContaining("the terminal phone is not BCD: byte 0x7A in 01391234567A");
    }
}
