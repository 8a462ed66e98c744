package io.parkwatch.simulator.registry;

import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.EnterpriseStatus;
import io.parkwatch.contracts.registry.PointKind;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The Huolingol industrial park (通辽): an electrolytic aluminium smelter metered potline by
 * potline, its captive coal power plant, an anode plant and a few suppliers.
 */
final class AluminiumParkSample {

    static final String PARK = "huolingol";
    static final int POTLINES = 8;
    private static final String[] SUPPLIERS = {"铝型材", "铝合金", "物流", "机修", "建材"};

    private final RegistryBuilder builder;
    private final Random random;

    AluminiumParkSample(RegistryBuilder builder, long seed) {
        this.builder = builder;
        this.random = new Random(seed + 2);
    }

    void generate() {
        builder.park(PARK, "霍林郭勒工业园区");
        Set<EnterpriseClass> heavy = EnumSet.of(EnterpriseClass.ABOVE_SCALE, EnterpriseClass.KEY_ENERGY_USER,
            EnterpriseClass.KEY_POLLUTER, EnterpriseClass.KEY_EMERGENCY_SUPERVISED);
        builder.enterprise(PARK, "al01", "霍林郭勒XX电解铝有限公司", heavy, EnterpriseStatus.OPERATING);
        for (int line = 1; line <= POTLINES; line++) {
            builder.point(PARK, "al01", String.format(Locale.ROOT, "elec-%02d", line), PointKind.ELECTRICITY_METER,
                Duration.ofSeconds(15));
        }
        builder.point(PARK, "al01", "water-01", PointKind.WATER_METER, Duration.ofMinutes(1));
        builder.point(PARK, "al01", "gas-m-01", PointKind.GAS_METER, Duration.ofMinutes(1));
        builder.point(PARK, "al01", "econ-01", PointKind.ECONOMIC_REPORT, Duration.ofDays(1));
        builder.loggedPoint(PARK, "al01", "stack-01", PointKind.CEMS_STACK, Duration.ofMinutes(1));
        builder.loggedPoint(PARK, "al01", "stack-02", PointKind.CEMS_STACK, Duration.ofMinutes(1));
        builder.point(PARK, "al01", "gd-01", PointKind.GAS_DETECTOR, Duration.ofSeconds(10));

        builder.enterprise(PARK, "pw01", "霍林郭勒XX热电有限公司", heavy, EnterpriseStatus.OPERATING);
        builder.point(PARK, "pw01", "elec-01", PointKind.ELECTRICITY_METER, Duration.ofSeconds(15));
        builder.point(PARK, "pw01", "coal-01", PointKind.COAL_METER, Duration.ofMinutes(15));
        builder.point(PARK, "pw01", "oil-01", PointKind.OIL_METER, Duration.ofMinutes(15));
        builder.point(PARK, "pw01", "water-01", PointKind.WATER_METER, Duration.ofMinutes(1));
        builder.point(PARK, "pw01", "econ-01", PointKind.ECONOMIC_REPORT, Duration.ofDays(1));
        builder.loggedPoint(PARK, "pw01", "stack-01", PointKind.CEMS_STACK, Duration.ofMinutes(1));

        builder.enterprise(PARK, "an01", "霍林郭勒XX炭素有限公司", EnumSet.of(EnterpriseClass.ABOVE_SCALE,
            EnterpriseClass.KEY_ENERGY_USER, EnterpriseClass.KEY_POLLUTER), EnterpriseStatus.OPERATING);
        builder.point(PARK, "an01", "elec-01", PointKind.ELECTRICITY_METER, Duration.ofSeconds(15));
        builder.point(PARK, "an01", "gas-m-01", PointKind.GAS_METER, Duration.ofMinutes(1));
        builder.point(PARK, "an01", "econ-01", PointKind.ECONOMIC_REPORT, Duration.ofDays(1));
        builder.loggedPoint(PARK, "an01", "stack-01", PointKind.CEMS_STACK, Duration.ofMinutes(1));
        suppliers();
        for (int v = 1; v <= 3; v++) {
            builder.vehicle(PARK, "pv-0" + v, PointKind.PARK_VEHICLE, Duration.ofSeconds(30));
        }
    }

    private void suppliers() {
        for (int i = 0; i < SUPPLIERS.length; i++) {
            String id = String.format(Locale.ROOT, "s%02d", i + 1);
            Set<EnterpriseClass> classes = random.nextInt(2) == 0 ? Set.of(EnterpriseClass.ABOVE_SCALE) : Set.of();
            EnterpriseStatus status = random.nextInt(5) == 0 ? EnterpriseStatus.STOPPED : EnterpriseStatus.OPERATING;
            builder.enterprise(PARK, id, "霍林郭勒XX" + SUPPLIERS[i] + "有限公司", classes, status);
            builder.point(PARK, id, "elec-01", PointKind.ELECTRICITY_METER, Duration.ofSeconds(15));
            builder.point(PARK, id, "water-01", PointKind.WATER_METER, Duration.ofMinutes(1));
            builder.point(PARK, id, "econ-01", PointKind.ECONOMIC_REPORT, Duration.ofDays(1));
        }
    }
}
