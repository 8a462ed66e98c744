package io.parkwatch.bench.pipeline;

import io.parkwatch.simulator.wire.Jt808Encoder;
import java.time.Instant;

/**
 * JT/T 808 location reports (0x0200 with a mileage item: two readings) of one lane's vehicles,
 * in turn; a vehicle's serial counts its reports and its fix time advances at least a second.
 */
final class Jt808Source implements MessageSource {

    private final int lane;
    private final long[] lastSecond;

    Jt808Source(int lane, int vehicles) {
        this.lane = lane;
        this.lastSecond = new long[vehicles];
    }

    @Override
    public Outgoing next(long k, long nowMillis) {
        int vehicle = (int) (k % lastSecond.length);
        int serial = (int) (k / lastSecond.length);
        long second = Math.max(lastSecond[vehicle] + 1, nowMillis / 1000);
        lastSecond[vehicle] = second;
        double along = (k % 1000) / 1e5;
        Jt808Encoder.Fix fix = new Jt808Encoder.Fix(39.6 + along, 109.8 + vehicle / 1e4, 1300, 36.5, 90, 0,
            1000 + serial * 0.2, Instant.ofEpochSecond(second));
        byte[] frame = Jt808Encoder.frame(Jt808Encoder.LOCATION_REPORT, FieldLoad.terminal(lane, vehicle), serial,
            Jt808Encoder.locationBody(fix));
        return new Outgoing("parks/" + FieldLoad.PARK + "/vehicles/" + FieldLoad.vehicle(lane, vehicle) + "/jt808", frame,
            FieldLoad.FRAME_READINGS, false);
    }

    /** {@code terminal|serial|millis[|mileage]} → its bit. */
    static long key(String id, int vehicles) {
        String[] parts = id.split("\\|");
        if (parts.length < 3 || parts[0].length() != 12) {
            return -1;
        }
        long lane = Long.parseLong(parts[0].substring(2, 4));
        long vehicle = Long.parseLong(parts[0].substring(4));
        long serial = Long.parseLong(parts[1]);
        long frame = (serial * FieldLoad.FLEET_LANES + lane) * vehicles + vehicle;
        return frame * FieldLoad.FRAME_READINGS + (parts.length > 3 ? 1 : 0);
    }
}
