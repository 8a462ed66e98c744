package io.parkwatch.bench.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * JSON arrays of an enterprise's meters and gas detectors, {@code readingsPerMessage} metrics of
 * one point per message, {@code ts} the send time. Every {@value #GAS_EVERY}th message goes to a
 * gas detector; a detector's every {@value #EXCEED_EVERY}th message has {@code lel} over the
 * critical trigger and the next one under the clear, so each such message raises one alert.
 */
final class JsonSource implements MessageSource {

    static final int GAS_EVERY = 5;
    static final int EXCEED_EVERY = 10;
    static final int MAX_READINGS = 8;
    private static final List<String[]> METER = List.of(new String[] {"active_power", "kW", "412.5"},
        new String[] {"energy", "kWh", "88231.4"}, new String[] {"voltage", "V", "10.4"},
        new String[] {"current", "A", "230.1"}, new String[] {"power_factor", "1", "0.93"},
        new String[] {"reactive_power", "kvar", "120.7"}, new String[] {"frequency", "Hz", "50.01"},
        new String[] {"temperature", "degC", "41.2"});
    private static final List<String[]> GAS = List.of(new String[] {"lel", "%LEL", "5.0"},
        new String[] {"h2s", "mg/m3", "1.2"}, new String[] {"co", "mg/m3", "2.5"}, new String[] {"o2", "%VOL", "20.9"},
        new String[] {"temperature", "degC", "18.5"}, new String[] {"pressure", "kPa", "101.2"},
        new String[] {"level", "m", "3.1"}, new String[] {"flow", "m3/h", "12.0"});

    private final int enterprise;
    private final int enterprises;
    private final int meters;
    private final int detectors;
    private final int readings;
    private final String prefix;

    JsonSource(int enterprise, int enterprises, int meters, int detectors, int readings) {
        this.enterprise = enterprise;
        this.enterprises = enterprises;
        this.meters = meters;
        this.detectors = detectors;
        this.readings = readings;
        this.prefix = "parks/" + FieldLoad.PARK + "/enterprises/" + FieldLoad.enterprise(enterprise) + "/points/";
    }

    static String meter(int n) {
        return String.format("m%04d", n);
    }

    static String detector(int n) {
        return String.format("g%04d", n);
    }

    @Override
    public Outgoing next(long k, long nowMillis) {
        boolean gas = k % GAS_EVERY == 0;
        long round = k / GAS_EVERY;
        boolean exceeds = gas && (round / detectors) % EXCEED_EVERY == 0;
        String point = gas ? detector((int) (round % detectors)) : meter((int) (k % meters));
        List<String[]> metrics = gas ? GAS : METER;
        StringBuilder json = new StringBuilder(64 * readings).append('[');
        for (int i = 0; i < readings; i++) {
            String[] m = metrics.get(i);
            String value = i == 0 && exceeds ? "60.0" : m[2];
            json.append(i == 0 ? "" : ",").append("{\"metric\":\"").append(m[0]).append("\",\"value\":").append(value)
                .append(",\"unit\":\"").append(m[1]).append("\",\"ts\":").append(nowMillis).append(",\"id\":\"j")
                .append(enterprise).append('-').append(k).append('-').append(i).append("\"}");
        }
        return new Outgoing(prefix + point, json.append(']').toString().getBytes(StandardCharsets.UTF_8), readings,
            exceeds);
    }

    /** {@code j<enterprise>-<k>-<i>} → its bit. */
    static long key(String id, int enterprises, int readings) {
        int dash = id.indexOf('-');
        int last = id.lastIndexOf('-');
        if (!id.startsWith("j") || dash < 0 || last <= dash) {
            return -1;
        }
        long e = Long.parseLong(id.substring(1, dash));
        long k = Long.parseLong(id.substring(dash + 1, last));
        long i = Long.parseLong(id.substring(last + 1));
        return (k * enterprises + e) * readings + i;
    }
}
