package io.parkwatch.simulator.registry;

import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.EnterpriseStatus;
import io.parkwatch.contracts.registry.PointKind;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Three chemical-heavy Ordos parks (鄂托克, 苏里格, 准格尔): large above-scale firms, chemical
 * plants with major and non-major hazard sources, storage tanks and gas detectors, stacks with
 * CEMS, and a park fleet of hazmat, park-owned and external vehicles. The park operator (管委会)
 * registers the gates and ambient monitoring stations.
 */
final class ChemicalParkSample {

    /** A park, and its trades: a trade ending in '*' is a chemical one. */
    private record Park(String id, String name, List<String> trades) {
    }

    static final List<String> PARKS = List.of("otog", "sulige", "jungar");
    static final int FIRMS_PER_PARK = 12;
    static final String OPERATOR = "admin";

    private static final List<Park> SAMPLE = List.of(
        new Park("otog", "内蒙古鄂托克经济开发区", List.of("氯碱*", "焦化*", "电力", "水泥", "铸钢", "玻纤")),
        new Park("sulige", "内蒙古鄂尔多斯苏里格经济开发区", List.of("甲醇*", "烯烃*", "天然气化工*", "LNG*", "尿素*", "电力")),
        new Park("jungar", "内蒙古准格尔经济开发区", List.of("煤化工*", "电解铝", "陶瓷", "高岭土", "电力")));

    private final RegistryBuilder builder;
    private final Random random;

    ChemicalParkSample(RegistryBuilder builder, long seed) {
        this.builder = builder;
        this.random = new Random(seed + 1);
    }

    void generate() {
        for (Park park : SAMPLE) {
            builder.park(park.id(), park.name());
            operator(park.id());
            for (int i = 1; i <= FIRMS_PER_PARK; i++) {
                String trade = park.trades().get(random.nextInt(park.trades().size()));
                firm(park.id(), String.format(Locale.ROOT, "c%02d", i), trade.replace("*", ""), trade.endsWith("*"), i);
            }
            fleet(park.id());
        }
    }

    private void operator(String park) {
        builder.enterprise(park, OPERATOR, park + "园区管委会", Set.of(), EnterpriseStatus.OPERATING);
        builder.point(park, OPERATOR, "gate-01", PointKind.GATE, Duration.ofMinutes(1));
        builder.point(park, OPERATOR, "gate-02", PointKind.GATE, Duration.ofMinutes(1));
        builder.loggedPoint(park, OPERATOR, "air-01", PointKind.ENV_MONITOR, Duration.ofHours(1));
        builder.loggedPoint(park, OPERATOR, "water-q-01", PointKind.ENV_MONITOR, Duration.ofHours(1));
    }

    private void firm(String park, String id, String trade, boolean chemical, int number) {
        Set<EnterpriseClass> classes = EnumSet.of(EnterpriseClass.ABOVE_SCALE, EnterpriseClass.KEY_POLLUTER);
        if (random.nextInt(4) != 0) {
            classes.add(EnterpriseClass.KEY_ENERGY_USER);
        }
        if (chemical) {
            classes.add(EnterpriseClass.CHEMICAL);
            classes.add(EnterpriseClass.KEY_EMERGENCY_SUPERVISED);
        }
        EnterpriseStatus status = random.nextInt(10) == 0 ? EnterpriseStatus.STOPPED : EnterpriseStatus.OPERATING;
        builder.enterprise(park, id, "鄂尔多斯XX" + trade + "有限公司" + number, classes, status);
        builder.point(park, id, "elec-01", PointKind.ELECTRICITY_METER, Duration.ofSeconds(15));
        builder.point(park, id, "elec-02", PointKind.ELECTRICITY_METER, Duration.ofSeconds(15));
        builder.point(park, id, "water-01", PointKind.WATER_METER, Duration.ofMinutes(1));
        builder.point(park, id, "gas-m-01", PointKind.GAS_METER, Duration.ofMinutes(1));
        builder.point(park, id, "coal-01", PointKind.COAL_METER, Duration.ofMinutes(15));
        builder.point(park, id, "econ-01", PointKind.ECONOMIC_REPORT, Duration.ofDays(1));
        builder.loggedPoint(park, id, "stack-01", PointKind.CEMS_STACK, Duration.ofMinutes(1));
        if (chemical) {
            builder.point(park, id, "oil-01", PointKind.OIL_METER, Duration.ofMinutes(15));
            for (int d = 1; d <= 4; d++) {
                builder.point(park, id, "gd-0" + d, PointKind.GAS_DETECTOR, Duration.ofSeconds(10));
            }
            for (int t = 1; t <= 3; t++) {
                builder.point(park, id, "tank-0" + t, PointKind.TANK, Duration.ofSeconds(30));
            }
            for (int h = 1; h <= 3; h++) {
                builder.point(park, id, "mhs-0" + h, PointKind.MAJOR_HAZARD_SENSOR, Duration.ofSeconds(10));
            }
            builder.point(park, id, "nhs-01", PointKind.NON_MAJOR_HAZARD_SENSOR, Duration.ofSeconds(30));
        } else {
            builder.point(park, id, "nhs-01", PointKind.NON_MAJOR_HAZARD_SENSOR, Duration.ofSeconds(30));
            builder.point(park, id, "gd-01", PointKind.GAS_DETECTOR, Duration.ofSeconds(10));
        }
    }

    private void fleet(String park) {
        for (int v = 1; v <= 4; v++) {
            builder.vehicle(park, "pv-0" + v, PointKind.PARK_VEHICLE, Duration.ofSeconds(30));
        }
        for (int v = 1; v <= 6; v++) {
            builder.vehicle(park, "hz-0" + v, PointKind.HAZMAT_VEHICLE, Duration.ofSeconds(10));
        }
        for (int v = 1; v <= 4; v++) {
            builder.vehicle(park, "ext-0" + v, PointKind.EXTERNAL_VEHICLE, Duration.ofSeconds(30));
        }
    }
}
