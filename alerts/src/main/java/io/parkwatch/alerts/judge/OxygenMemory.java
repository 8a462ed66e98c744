package io.parkwatch.alerts.judge;

import io.parkwatch.alerts.state.RuleState;
import io.parkwatch.contracts.reading.Reading;
import java.time.Duration;
import org.apache.kafka.streams.state.KeyValueStore;

/** The latest normal O₂ reading per point and O₂ metric, for conversion to reference O₂. */
public final class OxygenMemory {

    public static final String STORE = "alert-oxygen";

    private final KeyValueStore<String, RuleState.LastValue> store;

    public OxygenMemory(KeyValueStore<String, RuleState.LastValue> store) {
        this.store = store;
    }

    public void remember(Reading reading) {
        if (reading.value() == null || !reading.quality().isGood()) {
            return;
        }
        String key = reading.pointKey() + '|' + reading.metric();
        RuleState.LastValue known = store.get(key);
        if (known == null || !known.at().isAfter(reading.observedAt())) {
            store.put(key, new RuleState.LastValue(reading.value(), reading.observedAt()));
        }
    }

    /** The O₂ in % measured at the point within {@code maxAge} of the reading, or null. */
    public Double near(Reading reading, String oxygenMetric, Duration maxAge) {
        RuleState.LastValue known = store.get(reading.pointKey() + '|' + oxygenMetric);
        if (known == null) {
            return null;
        }
        Duration apart = Duration.between(known.at(), reading.observedAt()).abs();
        return apart.compareTo(maxAge) <= 0 ? known.value() : null;
    }
}
