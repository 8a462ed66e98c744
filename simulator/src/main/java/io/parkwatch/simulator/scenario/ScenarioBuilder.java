package io.parkwatch.simulator.scenario;

import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.simulator.fault.FaultKind;
import io.parkwatch.simulator.fault.FaultSpec;
import io.parkwatch.simulator.park.SimulatedPark;
import io.parkwatch.simulator.park.SimulatedPoint;
import io.parkwatch.simulator.truth.PlanCoverageByDesign;
import io.parkwatch.simulator.truth.SilentPoint;
import io.parkwatch.simulator.truth.SkewedPoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Chooses, for a seed, which points play and how: silent and skewed points by the fault spec,
 * a player per point (HJ 212 for points with a data logger, JT/T 808 for vehicles, JSON for the
 * rest), and the static part of the ground truth.
 */
final class ScenarioBuilder {

    private ScenarioBuilder() {
    }

    static Scenario build(Registry registry, List<SimulatedPark> parks, ScenarioSettings settings) {
        FaultSpec faults = settings.faults();
        long seed = settings.seed();
        List<PointPlayer> players = new ArrayList<>();
        List<SkewedPoint> skewed = new ArrayList<>();
        Map<String, String> silentReasons = new LinkedHashMap<>();
        Set<String> playedKeys = new HashSet<>();
        for (SimulatedPark park : parks) {
            registry.enterprisesOf(park.id()).stream().filter(e -> !e.status().producing()).forEach(e ->
                silentReasons.put(park.id() + "/" + e.id(), "enterprise-" + e.status().name()
                    .toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
            List<Candidate> candidates = new ArrayList<>();
            park.reportingPoints().forEach(p -> candidates.add(new Candidate(p.entry(), p)));
            park.vehicles().forEach(v -> candidates.add(new Candidate(v, null)));
            for (Candidate candidate : candidates) {
                PointEntry entry = candidate.entry();
                Random choice = new Random(Seeds.of(seed, entry.pointKey(), "point"));
                if (choice.nextDouble() < faults.ratio(FaultKind.SILENT)) {
                    silentReasons.put(entry.pointKey(), "fault-silent");
                    continue;
                }
                Duration skew = Duration.ZERO;
                if (choice.nextDouble() < faults.ratio(FaultKind.SKEW)) {
                    long seconds = (30 + choice.nextInt(151)) * (choice.nextBoolean() ? 1 : -1);
                    skew = Duration.ofSeconds(seconds);
                    skewed.add(new SkewedPoint(entry.park(), entry.enterprise(), entry.id(), seconds));
                }
                players.add(player(candidate, settings, skew, Seeds.of(seed, entry.pointKey(), "values")));
                playedKeys.add(entry.pointKey());
            }
        }
        List<String> parkIds = parks.stream().map(SimulatedPark::id).toList();
        List<SilentPoint> silent = silentPoints(registry, parkIds, playedKeys, silentReasons);
        TruthRecorder truth = new TruthRecorder(settings, silent, skewed,
            PlanCoverageByDesign.rows(registry, parkIds, playedKeys), keyAreas(parkIds));
        return new Scenario(players, settings, truth);
    }

    private record Candidate(PointEntry entry, SimulatedPoint simulated) {
    }

    private static PointPlayer player(Candidate candidate, ScenarioSettings settings, Duration skew, long seed) {
        PointEntry entry = candidate.entry();
        FaultSpec faults = settings.faults();
        Duration interval = Duration.ofMillis(Math.max(100,
            (long) (entry.expectedInterval().toMillis() / settings.speedUp())));
        if (entry.isVehicle()) {
            return new VehiclePlayer(entry, interval, skew, faults.ratio(FaultKind.COVERAGE_LOSS), seed);
        }
        if (entry.hj212Mn() != null) {
            return new Hj212Player(entry, settings.speedUp(), skew, faults.ratio(FaultKind.EXCEEDANCE), seed);
        }
        return new JsonPlayer(candidate.simulated(), interval, skew, faults.ratio(FaultKind.LEAK), seed);
    }

    /** Every required registry point of the played parks that publishes nothing, and why. */
    private static List<SilentPoint> silentPoints(Registry registry, List<String> parks, Set<String> played,
                                                  Map<String, String> reasons) {
        List<SilentPoint> silent = new ArrayList<>();
        for (String park : parks) {
            for (PointEntry point : registry.pointsOf(park)) {
                if (!point.required() || played.contains(point.pointKey())) {
                    continue;
                }
                String reason = reasons.getOrDefault(point.pointKey(),
                    reasons.getOrDefault(point.park() + "/" + point.enterprise(), "not-played"));
                silent.add(new SilentPoint(point.park(), point.enterprise(), point.id(), point.kind(), reason));
            }
        }
        return silent;
    }

    private static Map<String, List<double[]>> keyAreas(List<String> parks) {
        Map<String, List<double[]>> areas = new LinkedHashMap<>();
        parks.forEach(p -> areas.put(p, Route.keyAreaOf(p)));
        return areas;
    }
}
