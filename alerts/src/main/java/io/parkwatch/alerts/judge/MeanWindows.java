package io.parkwatch.alerts.judge;

import io.parkwatch.alerts.rule.MeanWindow;
import io.parkwatch.alerts.rule.Rule;
import io.parkwatch.alerts.state.WindowMean;
import io.parkwatch.contracts.reading.Reading;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The open mean windows of every windowed rule, in a store keyed by closing time first
 * ({@code closeAt|point|rule|metric|start}, zero-padded) so that the windows due are one range scan.
 */
public final class MeanWindows {

    public static final String STORE = "alert-windows";
    /** Digits of a key's close time. */
    private static final int PADDED = 15;

    private final KeyValueStore<String, WindowMean> store;
    /**
     * The earliest close time in the store, so that records arriving before it skip the range
     * scan (one RocksDB iterator per record otherwise); {@link Long#MIN_VALUE} while not known,
     * as after a start or a restore.
     */
    private long earliestClose = Long.MIN_VALUE;

    public MeanWindows(KeyValueStore<String, WindowMean> store) {
        this.store = store;
    }

    /**
     * Adds a reading's value to its window.
     *
     * @return false when the window has already closed (the reading is later than the grace)
     */
    public boolean add(Rule rule, MeanWindow window, Reading reading, double value, long streamTime) {
        long start = window.startOf(reading.observedAt().toEpochMilli());
        long closeAt = window.closeAt(start);
        if (closeAt <= streamTime) {
            return false;
        }
        String key = key(closeAt, reading.pointKey(), rule.id(), reading.metric(), start);
        WindowMean mean = store.get(key);
        if (mean == null) {
            mean = new WindowMean(reading.park(), reading.enterprise(), reading.pointKey(), rule.id(),
                reading.metric(), reading.unit(), start, start + window.size().toMillis(), 0, 0, 0);
        }
        store.put(key, mean.add(value, reading.quality().isGood()));
        earliestClose = Math.min(earliestClose, closeAt);
        return true;
    }

    /** Removes and returns the windows whose close time has come, earliest first. */
    public List<WindowMean> closeUpTo(long streamTime) {
        if (earliestClose > Math.max(0, streamTime)) {
            return List.of();
        }
        List<KeyValue<String, WindowMean>> due = new ArrayList<>();
        try (KeyValueIterator<String, WindowMean> range = store.range(pad(0), pad(streamTime) + "|\uffff")) {
            range.forEachRemaining(due::add);
        }
        List<WindowMean> closed = new ArrayList<>();
        for (KeyValue<String, WindowMean> entry : due) {
            store.delete(entry.key);
            closed.add(entry.value);
        }
        try (KeyValueIterator<String, WindowMean> rest = store.all()) {
            earliestClose = rest.hasNext() ? Long.parseLong(rest.peekNextKey().substring(0, PADDED)) : Long.MAX_VALUE;
        }
        return closed;
    }

    private static String key(long closeAt, String pointKey, String ruleId, String metric, long start) {
        return pad(closeAt) + '|' + pointKey + '|' + ruleId + '|' + metric + '|' + start;
    }

    /** {@code millis} as {@value #PADDED} digits, zero-padded (String.format per reading was 9 % of the thread). */
    private static String pad(long millis) {
        String digits = Long.toString(Math.max(0, millis));
        return digits.length() >= PADDED ? digits : "0".repeat(PADDED - digits.length()) + digits;
    }
}
