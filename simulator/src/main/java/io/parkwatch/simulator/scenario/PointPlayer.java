package io.parkwatch.simulator.scenario;

import io.parkwatch.contracts.registry.PointEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Plays one registry point: what it sends each time it is due. Deterministic for its seed. */
interface PointPlayer {

    PointEntry point();

    /** How often it is due on the simulation's timeline (the point's interval divided by the speed-up). */
    Duration interval();

    /** Its messages due at {@code stamp}; may be none (a vehicle without coverage). */
    List<Report> reportsAt(Instant stamp);
}
