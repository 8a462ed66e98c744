package io.parkwatch.alerts.http;

import io.parkwatch.alerts.access.ApiTokens;
import io.parkwatch.alerts.access.Role;
import io.parkwatch.alerts.coverage.CoverageHandler;
import io.parkwatch.alerts.coverage.CoverageHistory;
import io.parkwatch.alerts.emissions.EmissionHistory;
import io.parkwatch.alerts.emissions.EmissionsHandler;
import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumSet;

/** The token-protected data API: emission history (every role) and plan coverage (operator, bureau). */
public final class BureauApi {

    private BureauApi() {
    }

    public static void register(AlertsHttpServer server, ApiTokens tokens, EmissionHistory emissions,
                                CoverageHistory coverage, ZoneId parkZone, Clock clock) {
        ApiAccess access = new ApiAccess(tokens);
        server.serve("/api/v1/emissions", access.require(EnumSet.allOf(Role.class),
            new EmissionsHandler(emissions, parkZone, clock)));
        server.serve("/api/v1/coverage", access.require(EnumSet.of(Role.OPERATOR, Role.BUREAU),
            new CoverageHandler(coverage, parkZone, clock)));
    }
}
