package io.parkwatch.bench.fuzz;

import io.parkwatch.contracts.rejection.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What became of a gateway fuzz run's messages. Accepted messages are those the gateway counted
 * received and not rejected; the cases no rejection matched must be exactly those, else the
 * difference is lost (neither accepted nor rejected).
 */
public final class GatewayFuzzReport {

    private final int perFormat;
    private final long seed;
    private final int sent;
    private final Map<FuzzFormat, Long> acknowledged;
    private final Map<FuzzFormat, Long> rejected = new EnumMap<>(FuzzFormat.class);
    private final Map<FuzzFormat, Map<String, Long>> reasons = new EnumMap<>(FuzzFormat.class);
    private final List<FuzzCase> unanswered;
    private final List<Rejection> unexpected;
    private final long readings;
    private final long received;
    private final long gatewayRejected;
    private final long ignored;
    private final long heapBefore;
    private final long heapAfter;
    private final int live;
    private final int ready;
    private final double seconds;

    GatewayFuzzReport(int perFormat, long seed, int sent, Map<FuzzFormat, Long> acknowledged, RejectionTally tally,
                      long received, long gatewayRejected, long ignored, long heapBefore, long heapAfter, int live,
                      int ready, double seconds) {
        this.perFormat = perFormat;
        this.seed = seed;
        this.sent = sent;
        this.acknowledged = Map.copyOf(acknowledged);
        for (FuzzFormat format : FuzzFormat.values()) {
            rejected.put(format, tally.matched(format));
            reasons.put(format, Map.copyOf(tally.reasons(format)));
        }
        this.unanswered = tally.unanswered();
        this.unexpected = tally.unexpected();
        this.readings = tally.readings();
        this.received = received;
        this.gatewayRejected = gatewayRejected;
        this.ignored = ignored;
        this.heapBefore = heapBefore;
        this.heapAfter = heapAfter;
        this.live = live;
        this.ready = ready;
        this.seconds = seconds;
    }

    public int sent() {
        return sent;
    }

    public long rejected(FuzzFormat format) {
        return rejected.get(format);
    }

    public Map<String, Long> reasons(FuzzFormat format) {
        return reasons.get(format);
    }

    /** Messages the gateway took in as readings: received, neither rejected nor ignored. */
    public long accepted() {
        return Math.max(0, received - gatewayRejected - ignored);
    }

    /** The cases without a rejection: the accepted ones, if the gateway lost none. */
    public List<FuzzCase> unanswered() {
        return unanswered;
    }

    /** Sent, but neither rejected nor accepted. */
    public long lost() {
        return Math.max(0, unanswered.size() - accepted());
    }

    /** Accepted cases whose mutation could not have left a valid message. */
    public List<FuzzCase> acceptedByAccident() {
        return unanswered.stream().filter(fuzz -> !fuzz.mayBeValid()).toList();
    }

    public List<Rejection> unexpected() {
        return unexpected;
    }

    /** Messages the gateway received on the park's senders' topics (its own feedback echoed back left out). */
    public long received() {
        return received - ignored;
    }

    public long heapBefore() {
        return heapBefore;
    }

    public long heapAfter() {
        return heapAfter;
    }

    public int live() {
        return live;
    }

    public int ready() {
        return ready;
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("gateway fuzz: %d per format (seed %d), %d sent, %d received by the gateway, %.1f s%n",
            perFormat, seed, sent, received(), seconds));
        for (FuzzFormat format : FuzzFormat.values()) {
            out.append(String.format("  %-6s PUBACKed %d, rejected %d; reasons %s%n", format,
                acknowledged.getOrDefault(format, 0L), rejected.get(format), reasons.get(format)));
        }
        Map<String, Long> valid = unanswered.stream().filter(FuzzCase::mayBeValid)
            .collect(Collectors.groupingBy(FuzzCase::mutation, java.util.TreeMap::new, Collectors.counting()));
        out.append(String.format("  accepted: %d messages (%d readings), of which the generator made valid: %s%n",
            accepted(), readings, valid));
        out.append(String.format("  accepted by accident: %d%s%n", acceptedByAccident().size(),
            examples(acceptedByAccident())));
        out.append(String.format("  lost (neither rejected nor accepted): %d; rejections matching nothing sent: %d%n",
            lost(), unexpected.size()));
        out.append(String.format("  heap used after full GC: %.1f MiB before, %.1f MiB after (%+.1f MiB)%n",
            heapBefore / 1048576.0, heapAfter / 1048576.0, (heapAfter - heapBefore) / 1048576.0));
        out.append(String.format("  gateway /health/live: %d, /health/ready: %d%n", live, ready));
        return out.toString();
    }

    private static String examples(List<FuzzCase> cases) {
        return cases.isEmpty() ? "" : "; e.g. " + cases.stream().limit(10).map(fuzz -> fuzz.mutation() + " "
            + preview(fuzz.payload())).collect(Collectors.joining(", "));
    }

    static String preview(byte[] payload) {
        String text = new String(payload, 0, Math.min(payload.length, 300), StandardCharsets.ISO_8859_1);
        return "'" + text.replaceAll("[^\\x20-\\x7e]", "?") + "'";
    }
}
