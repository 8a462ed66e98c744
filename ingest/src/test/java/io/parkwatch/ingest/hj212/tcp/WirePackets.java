package io.parkwatch.ingest.hj212.tcp;

import java.nio.charset.StandardCharsets;

/**
 * HJ 212 packets as a logger writes them on its TCP connection, built from the standard's text
 * (length, data segment, CRC of Appendix A, CR LF) by test code that shares nothing with the
 * gateway's parser: its own CRC loop.
 */
final class WirePackets {

    static final String MN = "88888880000001";
    static final String PW = "Ab3dE6gH9";

    private WirePackets() {
    }

    /** A real-time upload (CN 2011) of one SO₂ value that asks for an answer (Flag 5). */
    static String upload(String qn, String mn, String pw, String dataTime, double so2) {
        return frame("QN=" + qn + ";ST=22;CN=2011;PW=" + pw + ";MN=" + mn + ";Flag=5;CP=&&DataTime=" + dataTime
            + ";a21026-Rtd=" + so2 + ",a21026-Flag=N&&", "\r\n");
    }

    static String frame(String segment, String lineEnd) {
        return "##" + String.format("%04d", segment.length()) + segment + String.format("%04X", crc(segment)) + lineEnd;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** CRC-16 as HJ 212-2017 Appendix A gives it: register 0xFFFF, high byte XOR, polynomial 0xA001. */
    static int crc(String segment) {
        int register = 0xFFFF;
        for (byte b : bytes(segment)) {
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
}
