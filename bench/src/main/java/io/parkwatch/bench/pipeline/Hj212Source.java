package io.parkwatch.bench.pipeline;

import io.parkwatch.simulator.wire.Hj212Encoder;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * HJ 212 real-time packets (CN 2011) of an enterprise's CEMS loggers, {@code factors} factors
 * each. The QN, which the gateway puts into the message id, counts the packets: the tally reads
 * the packet number back from it. A logger's DataTime advances at least a second per packet.
 */
final class Hj212Source implements MessageSource {

    static final Instant QN_BASE = Instant.parse("2020-01-01T00:00:00Z");
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final List<String> FACTORS = List.of("a21026", "a21002", "a34013", "a19001", "a01012", "a01013",
        "a00000", "a01014");
    private static final List<String> VALUES = List.of("8.1", "21.5", "2.1", "9.5", "85.2", "0.3", "45.0", "6.5");

    private final int enterprise;
    private final int enterprises;
    private final int factors;
    private final long[] lastSecond;
    private final String topic;

    Hj212Source(int enterprise, int enterprises, int stacks, int factors) {
        this.enterprise = enterprise;
        this.enterprises = enterprises;
        this.factors = factors;
        this.lastSecond = new long[stacks];
        this.topic = "parks/" + FieldLoad.PARK + "/enterprises/" + FieldLoad.enterprise(enterprise) + "/hj212";
    }

    static String stack(int n) {
        return String.format("s%04d", n);
    }

    @Override
    public Outgoing next(long k, long nowMillis) {
        int stack = (int) (k % lastSecond.length);
        long second = Math.max(lastSecond[stack] + 1, nowMillis / 1000);
        lastSecond[stack] = second;
        StringBuilder cp = new StringBuilder();
        for (int i = 0; i < factors; i++) {
            cp.append(i == 0 ? "" : ";").append(FACTORS.get(i)).append("-Rtd=").append(VALUES.get(i)).append(',')
                .append(FACTORS.get(i)).append("-Flag=N");
        }
        long packet = k * enterprises + enterprise;
        byte[] payload = Hj212Encoder.packet("2011", FieldLoad.mn(enterprise, stack), QN_BASE.plusMillis(packet),
            Instant.ofEpochSecond(second), cp.toString());
        return new Outgoing(topic, payload, factors, false);
    }

    /** {@code MN|QN|factor-Rtd} → its bit. */
    static long key(String id, int factors) {
        String[] parts = id.split("\\|");
        if (parts.length != 3) {
            return -1;
        }
        long packet = LocalDateTime.parse(parts[1], QN).toInstant(CHINA).toEpochMilli() - QN_BASE.toEpochMilli();
        int factor = FACTORS.indexOf(parts[2].substring(0, parts[2].indexOf('-')));
        return factor < 0 ? -1 : packet * factors + factor;
    }
}
