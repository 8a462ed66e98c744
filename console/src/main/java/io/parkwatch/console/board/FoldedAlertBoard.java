package io.parkwatch.console.board;

import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board as a fold of lifecycle events, kept in memory: every open alert by id, and the
 * cleared ones for {@code recentFor} up to {@code recentMax}, oldest dropped first. Open alerts
 * beyond {@code openMax} drop the least recently changed: the board stays bounded even if a
 * flood of alerts is never cleared.
 */
public final class FoldedAlertBoard implements AlertBoard {

    /** Most severe first, then the most recently changed. */
    public static final Comparator<BoardAlert> ORDER = Comparator
        .comparing(BoardAlert::severity, Comparator.reverseOrder())
        .thenComparing(BoardAlert::updatedAt, Comparator.reverseOrder())
        .thenComparing(BoardAlert::alertId);

    private static final Logger LOG = LoggerFactory.getLogger(FoldedAlertBoard.class);

    private final Clock clock;
    private final int openMax;
    private final int recentMax;
    private final Duration recentFor;
    private final Map<String, BoardAlert> open = new HashMap<>();
    /** Insertion order is clearing order, so the eldest entry is the first to go. */
    private final LinkedHashMap<String, BoardAlert> cleared = new LinkedHashMap<>();
    private final List<Consumer<BoardAlert>> listeners = new CopyOnWriteArrayList<>();

    public FoldedAlertBoard(Clock clock, int openMax, int recentMax, Duration recentFor) {
        if (openMax < 1 || recentMax < 0 || recentFor.isNegative()) {
            throw new IllegalArgumentException("openMax must be positive, recentMax and recentFor not negative");
        }
        this.clock = clock;
        this.openMax = openMax;
        this.recentMax = recentMax;
        this.recentFor = recentFor;
    }

    /** Folds one event in and tells the listeners what changed. */
    public void apply(AlertEvent event) {
        BoardAlert changed;
        synchronized (this) {
            changed = fold(event);
        }
        if (changed != null) {
            for (Consumer<BoardAlert> listener : listeners) {
                listener.accept(changed);
            }
        }
    }

    private BoardAlert fold(AlertEvent event) {
        String id = event.alertId();
        BoardAlert before = open.get(id);
        if (event.type() == AlertEventType.RAISED) {
            // A data-gap id comes back after a clear: the new gap replaces the old one.
            cleared.remove(id);
            before = null;
        } else if (before == null && cleared.containsKey(id)) {
            return null;
        }
        BoardAlert after = next(before, event);
        if (after.state() == AlertState.CLEARED) {
            open.remove(id);
            cleared.remove(id);
            cleared.put(id, after);
        } else {
            open.put(id, after);
        }
        prune();
        return after;
    }

    private static BoardAlert next(BoardAlert before, AlertEvent event) {
        AlertState state = before == null ? AlertState.OPEN : before.state();
        String by = before == null ? null : before.acknowledgedBy();
        String note = before == null ? null : before.note();
        String message = before == null || before.message() == null ? event.message() : before.message();
        switch (event.type()) {
            case RAISED, UPDATED, DE_ESCALATED -> message = event.message();
            case ESCALATED -> {
                // A worse problem needs a fresh acknowledgement (as the lifecycle decides).
                state = AlertState.OPEN;
                by = null;
                note = null;
                message = event.message();
            }
            case ACKNOWLEDGED -> {
                state = AlertState.ACKNOWLEDGED;
                by = event.acknowledgedBy();
                note = event.note();
            }
            case CLEARED -> state = AlertState.CLEARED;
            default -> throw new IllegalStateException("unknown event type " + event.type());
        }
        return new BoardAlert(event.alertId(), event.ruleId(), event.park(), event.enterprise(), event.pointKey(),
            event.severity(), state, event.firstSeen(), event.lastSeen(), event.peakValue(), event.occurrences(),
            orElse(event.module(), before, BoardAlert::module), orElse(event.metric(), before, BoardAlert::metric),
            orElse(event.value(), before, BoardAlert::value), orElse(event.limit(), before, BoardAlert::limit),
            message, by, note, event.at());
    }

    /** An event's field, or the board's when the event does not carry it (events from older producers). */
    private static <T> T orElse(T fromEvent, BoardAlert before, Function<BoardAlert, T> field) {
        return fromEvent != null || before == null ? fromEvent : field.apply(before);
    }

    private void prune() {
        Instant oldest = clock.instant().minus(recentFor);
        Iterator<BoardAlert> eldest = cleared.values().iterator();
        while (eldest.hasNext()) {
            BoardAlert next = eldest.next();
            if (cleared.size() > recentMax || next.updatedAt().isBefore(oldest)) {
                eldest.remove();
            } else {
                break;
            }
        }
        if (open.size() > openMax) {
            BoardAlert stalest = open.values().stream().min(Comparator.comparing(BoardAlert::updatedAt)).orElseThrow();
            open.remove(stalest.alertId());
            LOG.warn("more than {} open alerts: dropped the least recently changed, {}", openMax, stalest.alertId());
        }
    }

    @Override
    public synchronized List<BoardAlert> find(AlertFilter filter) {
        prune();
        List<BoardAlert> found = new ArrayList<>();
        for (BoardAlert alert : open.values()) {
            if (filter.matches(alert)) {
                found.add(alert);
            }
        }
        for (BoardAlert alert : cleared.values()) {
            if (filter.matches(alert)) {
                found.add(alert);
            }
        }
        found.sort(ORDER);
        return found.size() > filter.limit() ? List.copyOf(found.subList(0, filter.limit())) : found;
    }

    @Override
    public synchronized Optional<BoardAlert> alert(String alertId) {
        BoardAlert alert = open.get(alertId);
        return Optional.ofNullable(alert != null ? alert : cleared.get(alertId));
    }

    @Override
    public AutoCloseable subscribe(Consumer<BoardAlert> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
