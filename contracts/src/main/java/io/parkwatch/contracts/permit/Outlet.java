package io.parkwatch.contracts.permit;

import io.parkwatch.contracts.factor.FactorMedium;
import java.util.List;
import java.util.Objects;

/**
 * A permitted outlet (排放口) and the registry points that measure it.
 *
 * @param id     the permit's outlet code, e.g. {@code DA001} (air) or {@code DW001} (water)
 * @param name   what the permit calls it; the id when the file gives none
 * @param medium {@link FactorMedium#AIR} (flue gas) or {@link FactorMedium#WATER} (waste water)
 * @param points the ids of the enterprise's registry points measuring this outlet
 * @param limits one per pollutant
 */
public record Outlet(String id, String name, FactorMedium medium, List<String> points, List<PollutantLimit> limits) {

    public Outlet {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(medium, "medium is required");
        name = name == null ? id : name;
        points = List.copyOf(points);
        limits = List.copyOf(limits);
    }
}
