package io.parkwatch.simulator.park;

import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.PointEntry;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A park as the simulator plays it: what the registry says must report, and which of those
 * points actually do (idle and rented-out firms stay silent, as in the Xilinhot survey).
 *
 * @param seed     what the park was generated from; the simulator's noise derives from it too
 * @param vehicles the park fleet's vehicles, published by the fleet's login
 */
public record SimulatedPark(String id, long seed, List<EnterpriseEntry> enterprises, List<SimulatedPoint> points,
                            Set<String> silentEnterprises, List<PointEntry> vehicles) {

    public SimulatedPark {
        enterprises = List.copyOf(enterprises);
        points = List.copyOf(points);
        silentEnterprises = Set.copyOf(silentEnterprises);
        vehicles = List.copyOf(vehicles);
    }

    /** Every registered point, reporting or not. */
    public List<PointEntry> registeredPoints() {
        return points.stream().map(SimulatedPoint::entry).toList();
    }

    /** Points whose enterprise reports. */
    public List<SimulatedPoint> reportingPoints() {
        return points.stream().filter(p -> !silentEnterprises.contains(p.entry().enterprise())).toList();
    }

    public Set<String> reportingEnterprises() {
        return reportingPoints().stream().map(p -> p.entry().enterprise()).collect(Collectors.toUnmodifiableSet());
    }
}
