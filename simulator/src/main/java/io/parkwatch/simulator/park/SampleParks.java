package io.parkwatch.simulator.park;

import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.EnterpriseStatus;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.PointKind;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.simulator.registry.SampleRegistry;
import io.parkwatch.simulator.signal.Signals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parks the simulator plays, taken from a registry (by default the {@link SampleRegistry} of
 * the same seed): the registry says what must report, the enterprises' status says who does
 * (stopped and unbuilt firms stay silent, as in the Xilinhot survey; of the firms renting out
 * their whole site, one in four has a tenant whose electricity meter shows a small load).
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

    /** Every park of {@code registry}, each with at most {@code enterprises} firms. */
    public static List<SimulatedPark> all(Registry registry, int enterprises, long seed) {
        return registry.parks().stream().map(p -> of(registry, p.id(), enterprises, seed)).toList();
    }

    /**
     * The first {@code enterprises} enterprises of {@code park} in {@code registry}, each of their
     * points driven by a signal that suits its kind, and the park's vehicles.
     */
    public static SimulatedPark of(Registry registry, String park, int enterprises, long seed) {
        List<EnterpriseEntry> firms = registry.enterprisesOf(park).stream().limit(enterprises).toList();
        if (firms.isEmpty()) {
            throw new IllegalArgumentException("the registry has no enterprise in park '" + park + "'");
        }
        Set<String> ids = firms.stream().map(EnterpriseEntry::id).collect(Collectors.toSet());
        Random random = new Random(seed);
        Set<String> tenants = new HashSet<>();
        for (EnterpriseEntry firm : firms) {
            if (firm.status() == EnterpriseStatus.RENTED_OUT && random.nextInt(4) == 0) {
                tenants.add(firm.id());
            }
        }
        List<SimulatedPoint> points = new ArrayList<>();
        List<PointEntry> vehicles = new ArrayList<>();
        for (PointEntry point : registry.pointsOf(park)) {
            if (point.isVehicle()) {
                vehicles.add(point);
            } else if (ids.contains(point.enterprise())) {
                boolean tenant = tenants.contains(point.enterprise());
                Optional<SimulatedPoint> played = tenant ? tenantMeter(point, random) : simulated(point, random);
                played.ifPresent(points::add);
            }
        }
        Set<String> silent = firms.stream().filter(f -> !f.status().producing() && !tenants.contains(f.id()))
            .map(EnterpriseEntry::id).collect(Collectors.toSet());
        return new SimulatedPark(park, seed, firms, points, silent, vehicles);
    }

    /** A rented-out site's tenant: a small workshop load on the electricity meter, nothing else. */
    private static Optional<SimulatedPoint> tenantMeter(PointEntry point, Random random) {
        if (point.pointKind().orElse(PointKind.GATE) != PointKind.ELECTRICITY_METER) {
            return Optional.empty();
        }
        double scale = 1 + random.nextInt(3);
        return Optional.of(new SimulatedPoint(point, "active_power", "kW", Signals.diurnalLoad(scale, 4 * scale)));
    }

    private static Optional<SimulatedPoint> simulated(PointEntry point, Random random) {
        if (point.pointKind().isEmpty()) {
            return Optional.empty();
        }
        PointKind kind = point.pointKind().get();
        double scale = 1 + random.nextInt(9);
        return Optional.of(switch (kind) {
            case ELECTRICITY_METER -> new SimulatedPoint(point, "active_power", "kW",
                Signals.diurnalLoad(10 * scale, 50 * scale));
            case WATER_METER -> new SimulatedPoint(point, "flow", "m3/h", Signals.diurnalLoad(0.5 * scale, 2 * scale));
            case GAS_METER -> new SimulatedPoint(point, "flow", "m3/h", Signals.diurnalLoad(8 * scale, 20 * scale));
            case OIL_METER -> new SimulatedPoint(point, "oil", "t", Signals.diurnalLoad(0.05 * scale, 0.2 * scale));
            case COAL_METER -> new SimulatedPoint(point, "coal", "t", Signals.diurnalLoad(0.6 * scale, scale));
            case CEMS_STACK -> new SimulatedPoint(point, "a21026", "mg/m3", Signals.noisy(16, 0.15));
            case ENV_MONITOR -> new SimulatedPoint(point, "a21026", "mg/m3", Signals.noisy(12, 0.3));
            case GAS_DETECTOR -> new SimulatedPoint(point, "lel", "%LEL", Signals.noisy(1.5, 0.3));
            case TANK -> new SimulatedPoint(point, "level", "m",
                Signals.tankLevel(2 * scale, 8 * scale, 6 + random.nextInt(12), random.nextDouble()));
            case MAJOR_HAZARD_SENSOR -> new SimulatedPoint(point, "pressure", "kPa", Signals.noisy(300, 0.05));
            case NON_MAJOR_HAZARD_SENSOR -> new SimulatedPoint(point, "temperature", "degC", Signals.noisy(40, 0.05));
            case ECONOMIC_REPORT -> new SimulatedPoint(point, "output", "t", Signals.noisy(100 * scale, 0.1));
            case GATE -> new SimulatedPoint(point, "entries", "count", Signals.counts(3 * scale));
            default -> throw new IllegalArgumentException("no signal for kind " + kind);
        });
    }
}
