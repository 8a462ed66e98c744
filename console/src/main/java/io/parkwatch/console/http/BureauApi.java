package io.parkwatch.console.http;

import io.parkwatch.console.access.ApiTokens;
import io.parkwatch.console.access.Role;
import io.parkwatch.console.coverage.CoverageHandler;
import io.parkwatch.console.coverage.CoverageHistory;
import io.parkwatch.console.emissions.EmissionHistory;
import io.parkwatch.console.emissions.EmissionsHandler;
import io.parkwatch.console.emissions.FactorsHandler;
import io.parkwatch.console.emissions.totals.HourlyEmissionSource;
import io.parkwatch.console.emissions.totals.PermitAllowance;
import io.parkwatch.console.emissions.totals.TotalsHandler;
import io.parkwatch.console.endpoint.ApiAccess;
import io.parkwatch.console.report.MonthlyReportHandler;
import io.parkwatch.console.report.ParkReportHandler;
import io.parkwatch.contracts.factor.FactorCatalog;
import io.parkwatch.contracts.registry.ParkZones;
import java.time.Clock;
import java.util.EnumSet;

/**
 * The token-protected data API: emission history and its factor list (every role) and plan
 * coverage (operator, bureau).
 */
public final class BureauApi {

    private BureauApi() {
    }

    public static void register(ConsoleHttpServer server, ApiTokens tokens, EmissionHistory emissions,
                                CoverageHistory coverage, ParkZones parkZones, Clock clock) {
        ApiAccess access = new ApiAccess(tokens);
        server.serve("/api/v1/emissions", access.require(EnumSet.allOf(Role.class),
            new EmissionsHandler(emissions, parkZones, clock)));
        // Whoever may read emissions may look up the factors they are asked by.
        server.serve("/api/v1/factors", access.require(EnumSet.allOf(Role.class),
            new FactorsHandler(FactorCatalog.hj212())));
        server.serve("/api/v1/coverage", access.require(EnumSet.of(Role.OPERATOR, Role.BUREAU),
            new CoverageHandler(coverage, parkZones, clock)));
    }

    /**
     * The monthly report of an enterprise (every role; an enterprise token its own enterprise only)
     * and the park's enterprises at a glance (operator, bureau).
     */
    public static void registerReports(ConsoleHttpServer server, ApiTokens tokens, MonthlyReportHandler.Sources sources,
                                       ParkZones parkZones, Clock clock) {
        server.serve("/api/v1/reports/monthly", new ApiAccess(tokens).require(EnumSet.allOf(Role.class),
            new MonthlyReportHandler(sources, parkZones, clock)));
        // The bureau's view of a park: who is compliant this month, each opening its monthly report.
        server.serve("/api/v1/reports/park", new ApiAccess(tokens).require(EnumSet.of(Role.OPERATOR, Role.BUREAU),
            new ParkReportHandler(sources, parkZones, clock)));
    }

    /** Emission totals (every role, scoped as emission history), compared with the permits' allowances. */
    public static void registerTotals(ConsoleHttpServer server, ApiTokens tokens, HourlyEmissionSource hours,
                                      PermitAllowance permits, ParkZones parkZones, Clock clock) {
        server.serve("/api/v1/emissions/totals", new ApiAccess(tokens).require(EnumSet.allOf(Role.class),
            new TotalsHandler(hours, permits, parkZones, clock)));
    }
}
