package io.parkwatch.ingest.hj212;

import java.nio.charset.StandardCharsets;

/** The CRC of HJ 212-2017 Appendix A over the data segment (reflected polynomial 0xA001, start 0xFFFF). */
public final class Hj212Crc {

    private Hj212Crc() {
    }

    public static int of(String dataSegment) {
        int register = 0xFFFF;
        for (byte b : dataSegment.getBytes(StandardCharsets.US_ASCII)) {
            register = (register >> 8) ^ (b & 0xFF);
            for (int bit = 0; bit < 8; bit++) {
                boolean carry = (register & 1) == 1;
                register >>= 1;
                if (carry) {
                    register ^= 0xA001;
                }
            }
        }
        return register;
    }

    /** Four upper-case hex digits, as parkwatch writes them. */
    public static String hex(String dataSegment) {
        return String.format("%04X", of(dataSegment));
    }

    /** A whole packet around {@code dataSegment}: {@code ##}, length, segment, CRC, CR LF. */
    public static String frame(String dataSegment) {
        return "##" + String.format("%04d", dataSegment.length()) + dataSegment + hex(dataSegment) + "\r\n";
    }
}
