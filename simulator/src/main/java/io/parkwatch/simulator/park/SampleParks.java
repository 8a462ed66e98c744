package io.parkwatch.simulator.park;

import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.PointKind;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.simulator.registry.SampleRegistry;
import io.parkwatch.simulator.signal.Signals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parks the simulator plays, taken from a registry (by default the {@link SampleRegistry} of
 * the same seed): the registry says what must report, the enterprises' status says who does
 * (rented-out, stopped and unbuilt firms stay silent, as in the Xilinhot survey).
 */
public final class SampleParks {

    private SampleParks() {
    }

    /** The first {@code enterprises} firms of the sample Xilinhot park of {@code seed}. */
    public static SimulatedPark xilinhot(int enterprises, long seed) {
        if (enterprises < 1 || enterprises > SampleRegistry.XILINHOT_FIRMS) {
            throw new IllegalArgumentException("the sample Xilinhot park has 1 to " + SampleRegistry.XILINHOT_FIRMS
                + " enterprises, not " + enterprises + " (a park needs at least one enterprise)");
        }
        return of(SampleRegistry.generate(seed), SampleRegistry.XILINHOT, enterprises, seed);
    }

    /**
     * The first {@code enterprises} enterprises of {@code park} in {@code registry}, each of their
     * points driven by a signal that suits its kind. Vehicles and gates are not played (no JSON
     * publisher for them): they stay silent.
     */
    public static SimulatedPark of(Registry registry, String park, int enterprises, long seed) {
        List<EnterpriseEntry> firms = registry.enterprisesOf(park).stream().limit(enterprises).toList();
        if (firms.isEmpty()) {
            throw new IllegalArgumentException("the registry has no enterprise in park '" + park + "'");
        }
        Set<String> ids = firms.stream().map(EnterpriseEntry::id).collect(Collectors.toSet());
        Random random = new Random(seed);
        List<SimulatedPoint> points = new ArrayList<>();
        for (PointEntry point : registry.pointsOf(park)) {
            if (ids.contains(point.enterprise())) {
                simulated(point, random).ifPresent(points::add);
            }
        }
        Set<String> silent = firms.stream().filter(f -> !f.status().producing()).map(EnterpriseEntry::id)
            .collect(Collectors.toSet());
        return new SimulatedPark(park, seed, firms, points, silent);
    }

    private static Optional<SimulatedPoint> simulated(PointEntry point, Random random) {
        PointKind kind = point.pointKind().orElse(PointKind.GATE);
        double scale = 1 + random.nextInt(9);
        return Optional.ofNullable(switch (kind) {
            case ELECTRICITY_METER -> new SimulatedPoint(point, "active_power", "kW",
                Signals.diurnalLoad(10 * scale, 50 * scale));
            case WATER_METER -> new SimulatedPoint(point, "flow", "m3/h", Signals.noisy(2 * scale, 0.1));
            case GAS_METER -> new SimulatedPoint(point, "flow", "m3/h", Signals.noisy(20 * scale, 0.1));
            case OIL_METER -> new SimulatedPoint(point, "oil", "t", Signals.noisy(0.2 * scale, 0.2));
            case COAL_METER -> new SimulatedPoint(point, "coal", "t", Signals.noisy(scale, 0.2));
            case CEMS_STACK -> new SimulatedPoint(point, "a34013", "mg/m3", Signals.noisy(6, 0.25));
            case ENV_MONITOR -> new SimulatedPoint(point, "a21026", "mg/m3", Signals.noisy(20, 0.3));
            case GAS_DETECTOR -> new SimulatedPoint(point, "lel", "%LEL", Signals.noisy(2, 0.5));
            case TANK -> new SimulatedPoint(point, "level", "m", Signals.noisy(scale, 0.02));
            case MAJOR_HAZARD_SENSOR -> new SimulatedPoint(point, "pressure", "kPa", Signals.noisy(300, 0.05));
            case NON_MAJOR_HAZARD_SENSOR -> new SimulatedPoint(point, "temperature", "degC", Signals.noisy(40, 0.05));
            case ECONOMIC_REPORT -> new SimulatedPoint(point, "output", "t", Signals.noisy(100 * scale, 0.1));
            default -> null;
        });
    }
}
