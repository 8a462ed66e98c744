package io.parkwatch.ingest.hj212;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-side HJ 212 encoder: builds packets from their fields, computing the length and the CRC
 * independently of the parser (its own CRC loop), with knobs for wrong lengths and CRCs.
 */
final class Hj212TestPackets {

    /** The valid example packet of HJ 212-2017 (docs/standards/hj212.md). */
    static final String STANDARD_EXAMPLE = "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;"
        + "MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80";

    static final String MN = "010000A8900016F000169DC0";

    private Hj212TestPackets() {
    }

    static Builder packet(String cn, String cp) {
        return new Builder(cn, cp);
    }

    /** A whole packet around {@code segment} with this class's CRC and the given line end. */
    static String frame(String segment, String lineEnd) {
        return "##" + String.format("%04d", segment.length()) + segment + String.format("%04X", crc(segment)) + lineEnd;
    }

    /** CRC of Appendix A, written out again so a parser bug cannot hide behind a shared helper. */
    static int crc(String segment) {
        int crc = 0xFFFF;
        for (byte b : segment.getBytes(StandardCharsets.US_ASCII)) {
            crc = (crc >> 8) ^ (b & 0xFF);
            for (int i = 0; i < 8; i++) {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1;
            }
        }
        return crc;
    }

    static final class Builder {
        private final String cn;
        private final String cp;
        private String qn = "20261123155900123";
        private String st = "31";
        private String pw = "123456";
        private String mn = MN;
        private String flag = "4";
        private String parts;
        private Integer length;
        private String crcText;
        private String lineEnd = "\r\n";

        private Builder(String cn, String cp) {
            this.cn = cn;
            this.cp = cp;
        }

        Builder qn(String value) {
            this.qn = value;
            return this;
        }

        Builder mn(String value) {
            this.mn = value;
            return this;
        }

        Builder flag(String value) {
            this.flag = value;
            return this;
        }

        /** A 2005-style header: no QN, no Flag. */
        Builder legacy() {
            this.qn = null;
            this.flag = null;
            return this;
        }

        Builder part(int pnum, int pno) {
            this.parts = "PNUM=" + pnum + ";PNO=" + pno + ";";
            return this;
        }

        Builder length(int value) {
            this.length = value;
            return this;
        }

        Builder crc(String value) {
            this.crcText = value;
            return this;
        }

        Builder withoutCrLf() {
            this.lineEnd = "";
            return this;
        }

        /** The packet ends in LF alone, as some loggers end it. */
        Builder lfOnly() {
            this.lineEnd = "\n";
            return this;
        }

        String segment() {
            List<String> fields = new ArrayList<>();
            if (qn != null) {
                fields.add("QN=" + qn);
            }
            fields.add("ST=" + st);
            fields.add("CN=" + cn);
            fields.add("PW=" + pw);
            fields.add("MN=" + mn);
            if (flag != null) {
                fields.add("Flag=" + flag);
            }
            return String.join(";", fields) + ";" + (parts == null ? "" : parts) + "CP=&&" + cp + "&&";
        }

        String text() {
            String segment = segment();
            return "##" + String.format("%04d", length != null ? length : segment.length()) + segment
                + (crcText != null ? crcText : String.format("%04X", Hj212TestPackets.crc(segment))) + lineEnd;
        }

        byte[] bytes() {
            return text().getBytes(StandardCharsets.US_ASCII);
        }
    }
}
