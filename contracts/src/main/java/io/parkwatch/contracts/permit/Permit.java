package io.parkwatch.contracts.permit;

import io.parkwatch.contracts.reading.PointKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An enterprise's emission permit (排污许可证), as validated from its file: the permit number, and
 * its outlets with the limits and annual totals the permit sets for each pollutant.
 *
 * @param number     the permit number (unified social credit code, three-digit serial, {@code P})
 * @param park       the park of the enterprise
 * @param enterprise the enterprise's id in the registry
 * @param outlets    the permitted outlets, ids unique
 */
public record Permit(String number, String park, String enterprise, List<Outlet> outlets) {

    public Permit {
        Objects.requireNonNull(number, "number is required");
        Objects.requireNonNull(park, "park is required");
        Objects.requireNonNull(enterprise, "enterprise is required");
        outlets = List.copyOf(outlets);
    }

    /** The key of this permit on the permits topic: {@code park/enterprise}, one permit per enterprise. */
    public String key() {
        return keyOf(park, enterprise);
    }

    public static String keyOf(String park, String enterprise) {
        return park + "/" + enterprise;
    }

    /** The point key ({@code park/enterprise/point}) of every point an outlet of this permit is measured at. */
    public List<String> pointKeys() {
        List<String> keys = new ArrayList<>();
        for (Outlet outlet : outlets) {
            outlet.points().forEach(point -> keys.add(PointKey.text(park, enterprise, point)));
        }
        return keys;
    }

    /** The permitted annual totals (t/a), per outlet and pollutant, for those that have one. */
    public List<AnnualTotal> annualTotals() {
        List<AnnualTotal> totals = new ArrayList<>();
        for (Outlet outlet : outlets) {
            for (PollutantLimit limit : outlet.limits()) {
                if (limit.annualTonnes() != null) {
                    totals.add(new AnnualTotal(outlet.id(), limit.pollutant(), limit.annualTonnes()));
                }
            }
        }
        return totals;
    }
}
