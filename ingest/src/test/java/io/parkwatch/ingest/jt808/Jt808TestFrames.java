package io.parkwatch.ingest.jt808;

import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.HexFormat;

/**
 * Test-side JT/T 808 encoder: builds location bodies, batch bodies and whole frames (2013 or
 * 2019 header, check code, escaping) from fields, so tests state what they send instead of
 * pasting hex. Knobs for wrong lengths, check codes and attribute bits make the bad cases.
 */
final class Jt808TestFrames {

    /** The valid example of docs/standards/jt808.md (a public test suite's frame). */
    static final String STANDARD_EXAMPLE = "7E020000260112233445500000000000010000000200BA7F0E07E4F11C0028003C"
        + "000018071510101001040000006402020037AB7E";

    private Jt808TestFrames() {
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /**
     * The fields of a location body, raw as on the wire: unsigned micro-degrees, 0.1 km/h, the
     * time in UTC+8; {@code mileageTenths} null leaves item 0x01 out.
     */
    record Fix(long alarm, long status, long latitudeMicro, long longitudeMicro, int altitude, int speedTenths,
               int direction, LocalDateTime beijingTime, Long mileageTenths) {

        Fix withTime(LocalDateTime time) {
            return new Fix(alarm, status, latitudeMicro, longitudeMicro, altitude, speedTenths, direction, time,
                mileageTenths);
        }
    }

    static Fix fix(long latitudeMicro, long longitudeMicro, LocalDateTime beijingTime) {
        return new Fix(0, 0x2, latitudeMicro, longitudeMicro, 12, 355, 90, beijingTime, null);
    }

    /** A location body, then {@code extraItems} (already encoded {@code id, length, value} items). */
    static byte[] locationBody(Fix fix, byte[]... extraItems) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dword(out, fix.alarm());
        dword(out, fix.status());
        dword(out, fix.latitudeMicro());
        dword(out, fix.longitudeMicro());
        word(out, fix.altitude());
        word(out, fix.speedTenths());
        word(out, fix.direction());
        LocalDateTime t = fix.beijingTime();
        out.writeBytes(hex(String.format("%02d%02d%02d%02d%02d%02d", t.getYear() % 100, t.getMonthValue(),
            t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond())));
        if (fix.mileageTenths() != null) {
            out.write(0x01);
            out.write(4);
            dword(out, fix.mileageTenths());
        }
        for (byte[] item : extraItems) {
            out.writeBytes(item);
        }
        return out.toByteArray();
    }

    /** A 0x0704 body: count, type, then each item prefixed with its length. */
    static byte[] batchBody(int type, byte[]... items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        word(out, items.length);
        out.write(type);
        for (byte[] item : items) {
            word(out, item.length);
            out.writeBytes(item);
        }
        return out.toByteArray();
    }

    static FrameBuilder frame(int messageId, byte[] body) {
        return new FrameBuilder(messageId, body);
    }

    /** Header through body, check code appended, escaped, between flags. */
    static byte[] wrap(byte[] headerAndBody, Integer checkCodeOverride) {
        int check = 0;
        for (byte b : headerAndBody) {
            check ^= b & 0xFF;
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(headerAndBody);
        content.write(checkCodeOverride != null ? checkCodeOverride : check);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x7E);
        for (byte b : content.toByteArray()) {
            int v = b & 0xFF;
            if (v == 0x7E || v == 0x7D) {
                out.write(0x7D);
                out.write(v == 0x7E ? 0x02 : 0x01);
            } else {
                out.write(v);
            }
        }
        out.write(0x7E);
        return out.toByteArray();
    }

    static void word(ByteArrayOutputStream out, int value) {
        out.write(value >> 8);
        out.write(value);
    }

    static void dword(ByteArrayOutputStream out, long value) {
        word(out, (int) (value >> 16) & 0xFFFF);
        word(out, (int) value & 0xFFFF);
    }

    /** A frame's header fields; defaults make a valid 2013 frame of terminal 013912345678. */
    static final class FrameBuilder {
        private final int messageId;
        private final byte[] body;
        private Jt808Version version = Jt808Version.V2013;
        private String terminal = "013912345678";
        private int serial = 1;
        private Integer bodyLength;
        private int extraAttributes;
        private int[] split;
        private Integer checkCode;

        private FrameBuilder(int messageId, byte[] body) {
            this.messageId = messageId;
            this.body = body;
        }

        FrameBuilder version2019(String twentyDigits) {
            this.version = Jt808Version.V2019;
            this.terminal = twentyDigits;
            return this;
        }

        FrameBuilder terminal(String digits) {
            this.terminal = digits;
            return this;
        }

        FrameBuilder serial(int value) {
            this.serial = value;
            return this;
        }

        /** Writes this body length into the attributes instead of the real one. */
        FrameBuilder bodyLength(int value) {
            this.bodyLength = value;
            return this;
        }

        /** ORs raw bits into the body attributes (e.g. encryption bits 10-12). */
        FrameBuilder attributeBits(int bits) {
            this.extraAttributes = bits;
            return this;
        }

        FrameBuilder split(int total, int index) {
            this.split = new int[] {total, index};
            return this;
        }

        FrameBuilder checkCode(int value) {
            this.checkCode = value;
            return this;
        }

        byte[] build() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            word(out, messageId);
            int attributes = (bodyLength != null ? bodyLength : body.length) | extraAttributes
                | (split != null ? 1 << 13 : 0) | (version == Jt808Version.V2019 ? 1 << 14 : 0);
            word(out, attributes);
            if (version == Jt808Version.V2019) {
                out.write(1);
            }
            out.writeBytes(hex(terminal));
            word(out, serial);
            if (split != null) {
                word(out, split[0]);
                word(out, split[1]);
            }
            out.writeBytes(body);
            return wrap(out.toByteArray(), checkCode);
        }
    }
}
