package io.parkwatch.alerts.lifecycle;

import io.parkwatch.alerts.state.RuleState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The (point, rule)s whose level waits for its {@code for:} duration, with the instant it will
 * have held long enough (epoch ms), so that a stream-time punctuator can confirm it when no
 * further reading comes. Only rules with a duration ever have entries, and only while waiting:
 * the store stays small and is scanned whole.
 */
public final class HeldLevels {

    public static final String STORE = "alert-held-levels";

    private final KeyValueStore<String, Long> store;
    private final AlertLifecycle lifecycle;
    /** False once a scan found nothing and nothing was put since: the punctuator then skips the scan. */
    private boolean mayHaveEntries = true;

    public HeldLevels(KeyValueStore<String, Long> store, AlertLifecycle lifecycle) {
        this.store = store;
        this.lifecycle = lifecycle;
    }

    /** Records when the state's next pending level falls due, or forgets it when none waits. */
    public void track(String stateKey, RuleState state, Duration holdFor) {
        if (holdFor.isZero()) {
            return;
        }
        Instant due = state == null ? null : lifecycle.dueAt(state, holdFor);
        Long before = store.get(stateKey);
        if (due == null) {
            if (before != null) {
                store.delete(stateKey);
            }
        } else if (before == null || before != due.toEpochMilli()) {
            store.put(stateKey, due.toEpochMilli());
            mayHaveEntries = true;
        }
    }

    public void forget(String stateKey) {
        store.delete(stateKey);
    }

    /** The state keys due by {@code now}, earliest first. */
    public List<String> dueBy(long now) {
        if (!mayHaveEntries) {
            return List.of();
        }
        List<KeyValue<String, Long>> due = new ArrayList<>();
        boolean any = false;
        try (KeyValueIterator<String, Long> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                any = true;
                if (entry.value != null && entry.value <= now) {
                    due.add(entry);
                }
            }
        }
        mayHaveEntries = any;
        due.sort((a, b) -> Long.compare(a.value, b.value));
        return due.stream().map(entry -> entry.key).toList();
    }
}
