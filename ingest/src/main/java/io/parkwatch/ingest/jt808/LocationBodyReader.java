package io.parkwatch.ingest.jt808;

import io.parkwatch.contracts.reading.Position;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.RejectedInputException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads a location report body: alarm DWORD, status DWORD, latitude and longitude DWORD
 * (degrees × 10⁶), altitude WORD (m), speed WORD (0.1 km/h), direction WORD (0-359), time
 * BCD[6] YYMMDDhhmmss in UTC+8, then additional items {@code id BYTE, length BYTE, value}
 * up to the end of the reader. Item 0x01 (mileage, DWORD in 0.1 km) is kept; others are skipped
 * by their length.
 */
final class LocationBodyReader {

    /** The terminal's clock is Beijing time, whatever the vehicle's zone. */
    private static final ZoneOffset TERMINAL_OFFSET = ZoneOffset.ofHours(8);
    private static final long MAX_LATITUDE_MICRO = 90_000_000L;
    private static final long MAX_LONGITUDE_MICRO = 180_000_000L;
    private static final int MAX_DIRECTION = 359;
    private static final int MILEAGE_ITEM = 0x01;
    private static final int MILEAGE_LENGTH = 4;

    private LocationBodyReader() {
    }

    static Jt808LocationReport read(Jt808Reader in) throws RejectedInputException {
        long alarm = in.u32("alarm flags");
        long status = in.u32("status");
        long latitudeMicro = in.u32("latitude");
        long longitudeMicro = in.u32("longitude");
        int altitude = in.u16("altitude");
        int speedTenths = in.u16("speed");
        int direction = in.u16("direction");
        byte[] time = in.bytes(6, "time BCD[6]");
        if (latitudeMicro > MAX_LATITUDE_MICRO) {
            throw invalid(in, "latitude " + latitudeMicro / 1e6 + "° is beyond 90°");
        }
        if (longitudeMicro > MAX_LONGITUDE_MICRO) {
            throw invalid(in, "longitude " + longitudeMicro / 1e6 + "° is beyond 180°");
        }
        if (direction > MAX_DIRECTION) {
            throw invalid(in, "direction " + direction + "° is beyond 359°");
        }
        Instant observedAt = time(in, time);
        Double mileageKm = mileage(in);
        double latitude = ((status & Jt808LocationReport.STATUS_SOUTH) != 0 ? -latitudeMicro : latitudeMicro) / 1e6;
        double longitude = ((status & Jt808LocationReport.STATUS_WEST) != 0 ? -longitudeMicro : longitudeMicro) / 1e6;
        Position position = new Position(latitude, longitude, speedTenths / 10.0, direction, altitude, alarm, status);
        return new Jt808LocationReport(position, observedAt, mileageKm);
    }

    private static RejectedInputException invalid(Jt808Reader in, String detail) {
        return new RejectedInputException(RejectReason.JT808_INVALID_POSITION, in.context() + ": " + detail);
    }

    /** YY is read as 20YY: JT/T 808 terminals postdate 2000. */
    private static Instant time(Jt808Reader in, byte[] bcd) throws RejectedInputException {
        String digits = Bcd.digits(bcd, RejectReason.TIMESTAMP_INVALID, in.context() + ": the location time");
        try {
            return LocalDateTime.of(2000 + field(digits, 0), field(digits, 2), field(digits, 4),
                field(digits, 6), field(digits, 8), field(digits, 10)).toInstant(TERMINAL_OFFSET);
        } catch (DateTimeException e) {
            throw new RejectedInputException(RejectReason.TIMESTAMP_INVALID, in.context() + ": the location time "
                + digits + " (YYMMDDhhmmss) is not a calendar date and time: " + e.getMessage());
        }
    }

    private static int field(String digits, int at) {
        return Integer.parseInt(digits, at, at + 2, 10);
    }

    private static Double mileage(Jt808Reader in) throws RejectedInputException {
        Double mileageKm = null;
        while (in.remaining() > 0) {
            int id = in.u8("additional item id");
            String item = String.format("additional item 0x%02X", id);
            int length = in.u8(item + " length");
            if (id != MILEAGE_ITEM) {
                in.skip(length, item + " value");
                continue;
            }
            if (length != MILEAGE_LENGTH || mileageKm != null) {
                throw new RejectedInputException(RejectReason.JT808_MALFORMED, in.context() + ": " + item
                    + " (mileage) " + (mileageKm != null ? "appears twice" : "has length " + length
                    + ", the standard says a DWORD (4)"));
            }
            mileageKm = in.u32(item + " (mileage) value") / 10.0;
        }
        return mileageKm;
    }
}
