package io.parkwatch.console.report;

import io.parkwatch.console.emissions.totals.TotalPeriod;
import io.parkwatch.console.emissions.totals.TotalsQuery;
import io.parkwatch.console.emissions.totals.TotalsReport;
import io.parkwatch.console.influxql.InfluxQueryException;
import io.parkwatch.contracts.factor.FactorCatalog;
import io.parkwatch.contracts.permit.Permit;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** Reads what a monthly report needs, in order, and assembles it. */
final class MonthlyReports {

    private static final FactorCatalog CATALOG = FactorCatalog.hj212();

    private MonthlyReports() {
    }

    static MonthlyReport build(MonthlyQuery query, Instant now, Optional<EnterpriseEntry> enterprise,
                               Optional<Permit> permit, MonthlyReportHandler.Sources sources)
            throws InfluxQueryException, IOException {
        MonthWindows windows = sources.windows().read(query);
        // The month's windows first: they say which pollutants a point without a permit sent.
        MonthlyPlan plan = MonthlyPlan.of(permit, sources.registry().pointsOf(query.park(), query.enterprise()),
            windows, CATALOG);
        TotalsQuery totals = new TotalsQuery(Optional.of(query.park()), Optional.of(query.enterprise()),
            Optional.empty(), plan.pollutants(), query.from(), query.to(), TotalPeriod.MONTH, query.zone());
        TotalsReport sums = new TotalsReport(totals, now, sources.allowance());
        if (!totals.pollutants().isEmpty()) {
            // From the year's start: the year to date of each outlet as of the month's end (or now).
            sources.hours().read(totals, totals.readFrom(now), totals.to(), sums::accept);
        }
        return MonthlyAssembly.assemble(query, now, enterprise.map(EnterpriseEntry::name).orElse(null), permit, plan,
            windows, sums.finish(), sources.allowance());
    }
}
