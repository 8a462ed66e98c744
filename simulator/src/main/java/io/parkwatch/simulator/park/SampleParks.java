package io.parkwatch.simulator.park;

import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.simulator.signal.Signals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The demo parks, generated deterministically from a seed. Names are fictional: simulated
 * violations must never be attached to a real company.
 */
public final class SampleParks {

    private static final String[] TRADES = {"建材", "混凝土", "绒毛", "食品", "肉制品", "汽修"};

    private SampleParks() {
    }

    /**
     * The Xilinhot SME cluster zone, scaled to {@code enterprises} firms. Roughly half report,
     * in line with the survey's status mix (115 of 242 rent out their whole site).
     */
    public static SimulatedPark xilinhot(int enterprises, long seed) {
        if (enterprises < 1) {
            throw new IllegalArgumentException("a park needs at least one enterprise: " + enterprises);
        }
        Random random = new Random(seed);
        String park = "xilinhot";
        List<EnterpriseEntry> firms = new ArrayList<>();
        List<SimulatedPoint> points = new ArrayList<>();
        Set<String> silent = new HashSet<>();
        for (int i = 1; i <= enterprises; i++) {
            String id = String.format("e%03d", i);
            Set<EnterpriseClass> classes = EnumSet.noneOf(EnterpriseClass.class);
            if (random.nextInt(10) < 3) {
                classes.add(EnterpriseClass.ABOVE_SCALE);
            }
            boolean polluter = random.nextInt(10) < 2;
            if (polluter) {
                classes.add(EnterpriseClass.KEY_POLLUTER);
            }
            String name = "锡林浩特XX" + TRADES[random.nextInt(TRADES.length)] + "有限公司" + i;
            firms.add(new EnterpriseEntry(park, id, name, classes));
            points.addAll(pointsOf(park, id, polluter, random));
            if (i > 1 && random.nextInt(100) < 48) {
                silent.add(id);
            }
        }
        return new SimulatedPark(park, seed, firms, points, silent);
    }

    private static List<SimulatedPoint> pointsOf(String park, String enterprise, boolean polluter, Random random) {
        List<SimulatedPoint> points = new ArrayList<>();
        double peak = 50 + random.nextInt(450);
        points.add(new SimulatedPoint(new PointEntry(park, enterprise, "elec-01", Module.ENERGY, "electricity-meter",
            Duration.ofSeconds(15), null, null), "active_power", "kW", Signals.diurnalLoad(peak * 0.2, peak)));
        points.add(new SimulatedPoint(new PointEntry(park, enterprise, "water-01", Module.ENERGY, "water-meter",
            Duration.ofSeconds(60), null, null), "flow", "m3/h", Signals.noisy(2 + random.nextInt(20), 0.1)));
        if (polluter) {
            points.add(new SimulatedPoint(new PointEntry(park, enterprise, "stack-01", Module.ENVIRONMENT,
                "cems-stack", Duration.ofSeconds(30), null, null), "a34013", "mg/m3", Signals.noisy(6, 0.25)));
        }
        return points;
    }
}
