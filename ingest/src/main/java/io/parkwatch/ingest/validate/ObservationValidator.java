package io.parkwatch.ingest.validate;

import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.Observation;
import io.parkwatch.ingest.format.RejectedInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Checks what every format shares: finite values, a known unit for the metric, and event times
 * inside the accepted range (not beyond the allowed clock skew into the future, not older than
 * the horizon).
 */
public final class ObservationValidator {

    private final Clock clock;
    private final Duration maxClockSkew;
    private final Duration horizon;
    private final UnitCatalog units;

    public ObservationValidator(Clock clock, Duration maxClockSkew, Duration horizon, UnitCatalog units) {
        this.clock = clock;
        this.maxClockSkew = maxClockSkew;
        this.horizon = horizon;
        this.units = units;
    }

    public void validate(List<Observation> observations) throws RejectedInputException {
        Instant now = clock.instant();
        for (Observation observation : observations) {
            if (observation.value() != null && !Double.isFinite(observation.value())) {
                throw new RejectedInputException(RejectReason.NON_FINITE_VALUE,
                    observation.metric() + " value " + observation.value() + " is not a finite number");
            }
            if (observation.position() == null) {
                Optional<String> badUnit = units.check(observation.metric(), observation.unit());
                if (badUnit.isPresent()) {
                    throw new RejectedInputException(RejectReason.UNKNOWN_UNIT, badUnit.get());
                }
            }
            Instant at = observation.observedAt();
            if (at.isAfter(now.plus(maxClockSkew))) {
                throw new RejectedInputException(RejectReason.TIMESTAMP_IN_FUTURE, observation.metric() + " at " + at
                    + " is ahead of the gateway clock " + now + " by more than " + maxClockSkew);
            }
            if (at.isBefore(now.minus(horizon))) {
                throw new RejectedInputException(RejectReason.TIMESTAMP_TOO_OLD, observation.metric() + " at " + at
                    + " is older than the accepted horizon of " + horizon);
            }
        }
    }
}
