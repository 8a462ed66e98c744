package io.parkwatch.simulator.scenario;

import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.simulator.fault.FaultKind;
import io.parkwatch.simulator.truth.ExpectedAlert;
import io.parkwatch.simulator.truth.KeyAreaEntry;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * One message a point produces, before the simulator's faults: where it goes, who sends it, its
 * clean payload, and how it looks when a fault hits it.
 *
 * @param stamp    the time the message is about (the device's clock, skew included, is in the payload)
 * @param readings how many readings the gateway makes of it
 * @param variant  the payload under a message fault, empty where the fault does not apply to the format
 * @param event    an injected event this message carries (its readings are never faulted)
 * @param alert    the alert this message must raise, if it is part of an injected exceedance or leak
 * @param entry    a key-area entry this vehicle report shows
 */
public record Report(SourceFormat format, PointEntry point, String login, String topic, Instant stamp, byte[] payload,
                     int readings, Function<FaultKind, Optional<byte[]>> variant, Optional<FaultKind> event,
                     Optional<ExpectedAlert> alert, Optional<KeyAreaEntry> entry) {

    /** A plain report of normal data. */
    public static Report of(SourceFormat format, PointEntry point, String topic, Instant stamp, byte[] payload,
                            int readings, Function<FaultKind, Optional<byte[]>> variant) {
        return new Report(format, point, loginOf(point), topic, stamp, payload, readings, variant, Optional.empty(),
            Optional.empty(), Optional.empty());
    }

    public Report withEvent(FaultKind kind) {
        return new Report(format, point, login, topic, stamp, payload, readings, variant, Optional.of(kind), alert,
            entry);
    }

    public Report withAlert(ExpectedAlert expected) {
        return new Report(format, point, login, topic, stamp, payload, readings, variant, event, Optional.of(expected),
            entry);
    }

    public Report withEntry(KeyAreaEntry keyAreaEntry) {
        return new Report(format, point, login, topic, stamp, payload, readings, variant, event, alert,
            Optional.of(keyAreaEntry));
    }

    /** Injected events, the data of an expected alert and key-area entries are sent clean, so the truth holds. */
    public boolean faultable() {
        return event.isEmpty() && alert.isEmpty() && entry.isEmpty();
    }

    /** {@code {park}.{enterprise}}, or {@code {park}.vehicles} for the fleet. */
    public static String loginOf(PointEntry point) {
        return point.park() + "." + point.enterprise();
    }
}
