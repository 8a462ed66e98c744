package io.parkwatch.simulator.scenario;

import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.simulator.fault.FaultKind;
import java.time.Instant;
import java.util.Optional;

/**
 * A message as the simulator publishes it.
 *
 * @param seq            its place in the simulation's order
 * @param releaseAt      when, on the simulation's timeline, it is sent (late and out-of-order ones after their time)
 * @param payload        the bytes on the wire, faulted or not
 * @param fault          the message fault it carries, or the injected event (coverage-loss batch)
 * @param expectedReject the reason the gateway must refuse it with
 */
public record Outgoing(long seq, Instant releaseAt, Report report, byte[] payload, Optional<FaultKind> fault,
                       Optional<RejectReason> expectedReject) {

    public String topic() {
        return report.topic();
    }

    public String login() {
        return report.login();
    }
}
