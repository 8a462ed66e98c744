package io.parkwatch.console.permits;

import io.parkwatch.console.emissions.Pollutant;
import io.parkwatch.console.emissions.totals.PermitAllowance;
import java.util.Optional;

/** The permits' annual totals ({@code annualTonnes}), per outlet and pollutant. */
public final class PermitOutletAllowance implements PermitAllowance {

    private final PermitDirectory permits;

    public PermitOutletAllowance(PermitDirectory permits) {
        this.permits = permits;
    }

    @Override
    public Optional<OutletAllowance> of(String park, String enterprise, String point, Pollutant pollutant) {
        return permits.at(park, enterprise, point).flatMap(permitted -> permitted.limit(pollutant.code())
            .filter(limit -> limit.annualTonnes() != null)
            .map(limit -> new OutletAllowance(permitted.permit().number(), permitted.outlet().id(),
                permitted.outlet().points(), limit.annualTonnes())));
    }
}
