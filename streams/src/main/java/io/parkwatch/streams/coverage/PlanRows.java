package io.parkwatch.streams.coverage;

import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.streams.coverage.PlanRow.Level;
import java.util.List;
import java.util.Set;

/**
 * The default targets: every row of the plan's table (docs/standards/plan-targets.md) that telemetry
 * can measure. The roads row of traffic and logistics (trajectory and violation monitoring on
 * main roads) names no share and no countable point, so it has no row. The plan lists the
 * vehicle rows under safety and emergency management; they sit in LOGISTICS here, the module the
 * registry gives vehicle points, so that a module's rows and its points agree.
 */
public final class PlanRows {

    private static final Set<PointCategory> SAFETY_STREAMS = Set.of(PointCategory.MAJOR_HAZARD_STREAM,
        PointCategory.NON_MAJOR_HAZARD_STREAM, PointCategory.SAFETY_STREAM);

    public static final List<PlanRow> DEFAULTS = List.of(
        enterprises(Module.ECONOMIC, "above-scale-enterprises", Set.of(PointCategory.ECONOMIC_REPORT),
            EnterpriseClass.ABOVE_SCALE, null, 1.0),
        enterprises(Module.ECONOMIC, "other-enterprises", Set.of(PointCategory.ECONOMIC_REPORT),
            null, EnterpriseClass.ABOVE_SCALE, 0.2),
        points(Module.ENERGY, "key-energy-user-meters", PointCategory.ENERGY_METER,
            EnterpriseClass.KEY_ENERGY_USER, null, 1.0),
        points(Module.ENERGY, "non-key-meters", PointCategory.ENERGY_METER, null, EnterpriseClass.KEY_ENERGY_USER, 0.2),
        enterprises(Module.SAFETY, "key-emergency-enterprises", SAFETY_STREAMS,
            EnterpriseClass.KEY_EMERGENCY_SUPERVISED, null, 1.0),
        enterprises(Module.SAFETY, "other-enterprises", SAFETY_STREAMS, null,
            EnterpriseClass.KEY_EMERGENCY_SUPERVISED, 0.2),
        points(Module.SAFETY, "major-hazard-streams", PointCategory.MAJOR_HAZARD_STREAM, null, null, 0.2),
        points(Module.SAFETY, "non-major-hazard-streams", PointCategory.NON_MAJOR_HAZARD_STREAM, null, null, 0.2),
        points(Module.LOGISTICS, "park-vehicles", PointCategory.PARK_VEHICLE, null, null, 1.0),
        points(Module.LOGISTICS, "external-vehicles", PointCategory.EXTERNAL_VEHICLE, null, null, 1.0),
        points(Module.LOGISTICS, "hazmat-vehicles", PointCategory.HAZMAT_VEHICLE, null, null, 1.0),
        enterprises(Module.ENVIRONMENT, "key-polluters", Set.of(PointCategory.ENVIRONMENT_POINT),
            EnterpriseClass.KEY_POLLUTER, null, 1.0),
        points(Module.ENVIRONMENT, "monitoring-points", PointCategory.ENVIRONMENT_POINT, null, null, 0.2));

    private PlanRows() {
    }

    private static PlanRow points(Module module, String name, PointCategory category, EnterpriseClass with,
                                  EnterpriseClass without, double target) {
        return new PlanRow(module, name, Level.POINT, Set.of(category), with, without, target);
    }

    private static PlanRow enterprises(Module module, String name, Set<PointCategory> categories,
                                       EnterpriseClass with, EnterpriseClass without, double target) {
        return new PlanRow(module, name, Level.ENTERPRISE, categories, with, without, target);
    }
}
