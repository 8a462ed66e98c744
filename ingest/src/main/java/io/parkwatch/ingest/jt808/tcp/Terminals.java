package io.parkwatch.ingest.jt808.tcp;

import io.parkwatch.ingest.directory.PointDirectory;
import io.parkwatch.ingest.format.SessionGateway;
import io.parkwatch.ingest.format.SessionRefusals;
import java.time.Clock;

/**
 * What every JT/T 808 session of a listener shares: the registry, the gateway's chain and its
 * road to the rejected topic, the authentication codes, the settings, the counters and the clock.
 */
record Terminals(PointDirectory directory, SessionGateway gateway, SessionRefusals refusals, AuthenticationCodes codes,
                 Jt808TcpSettings settings, Jt808ListenerMetrics metrics, Clock clock) {
}
