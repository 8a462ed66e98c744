package io.parkwatch.simulator.registry;

import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.EnterpriseStatus;
import io.parkwatch.contracts.registry.PointKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The Xilinhot SME cluster zone as surveyed: 151 firms in the building-materials and wool zone,
 * 91 in the SME/food zone, with the survey's status mix (74 producing, 15 switched product, 17
 * producing and renting part, 115 renting out the whole site, 15 stopped, 4 under construction,
 * 2 never built). Few firms are above scale; concrete and asphalt plants with boilers pollute.
 */
final class XilinhotSample {

    static final String PARK = SampleRegistry.XILINHOT;
    static final int BUILDING_ZONE_FIRMS = 151;
    private static final int ABOVE_SCALE = 20;
    private static final int KEY_ENERGY_USERS = 6;
    private static final String[] BUILDING_TRADES = {"混凝土", "沥青", "石材", "建材", "门窗", "绒毛", "羊绒", "汽修", "物流"};
    private static final String[] FOOD_TRADES = {"牛肉干", "乳制品", "肉食品", "食品"};

    private final RegistryBuilder builder;
    private final Random random;

    XilinhotSample(RegistryBuilder builder, long seed) {
        this.builder = builder;
        this.random = new Random(seed);
    }

    /** The survey's status counts, shuffled; the first firm produces, so that demos have a reporting e001. */
    static List<EnterpriseStatus> statusMix(Random random) {
        List<EnterpriseStatus> statuses = new ArrayList<>();
        add(statuses, EnterpriseStatus.OPERATING, 74);
        add(statuses, EnterpriseStatus.SWITCHED_PRODUCT, 15);
        add(statuses, EnterpriseStatus.PARTLY_RENTED_OUT, 17);
        add(statuses, EnterpriseStatus.RENTED_OUT, 115);
        add(statuses, EnterpriseStatus.STOPPED, 15);
        add(statuses, EnterpriseStatus.UNDER_CONSTRUCTION, 4);
        add(statuses, EnterpriseStatus.NEVER_BUILT, 2);
        Collections.shuffle(statuses, random);
        Collections.swap(statuses, 0, statuses.indexOf(EnterpriseStatus.OPERATING));
        return statuses;
    }

    private static void add(List<EnterpriseStatus> statuses, EnterpriseStatus status, int count) {
        statuses.addAll(Collections.nCopies(count, status));
    }

    void generate() {
        builder.park(PARK, "锡林浩特市中小企业聚集区");
        List<EnterpriseStatus> statuses = statusMix(random);
        int aboveScale = 0;
        for (int i = 0; i < SampleRegistry.XILINHOT_FIRMS; i++) {
            String id = String.format(Locale.ROOT, "e%03d", i + 1);
            boolean buildingZone = i < BUILDING_ZONE_FIRMS;
            String[] trades = buildingZone ? BUILDING_TRADES : FOOD_TRADES;
            String trade = trades[random.nextInt(trades.length)];
            EnterpriseStatus status = statuses.get(i);
            Set<EnterpriseClass> classes = EnumSet.noneOf(EnterpriseClass.class);
            if (status.producing() && aboveScale < ABOVE_SCALE && (i == 0 || random.nextInt(4) == 0)) {
                classes.add(EnterpriseClass.ABOVE_SCALE);
                if (aboveScale++ < KEY_ENERGY_USERS) {
                    classes.add(EnterpriseClass.KEY_ENERGY_USER);
                }
            }
            boolean plant = trade.equals("混凝土") || trade.equals("沥青");
            if (plant && random.nextInt(2) == 0) {
                classes.add(EnterpriseClass.KEY_POLLUTER);
            }
            if (trade.equals("沥青")) {
                classes.add(EnterpriseClass.KEY_EMERGENCY_SUPERVISED);
            }
            builder.enterprise(PARK, id, "锡林浩特XX" + trade + "有限公司" + (i + 1), classes, status);
            points(id, classes);
        }
        for (int v = 1; v <= 6; v++) {
            builder.vehicle(PARK, String.format(Locale.ROOT, "pv-%02d", v), PointKind.PARK_VEHICLE,
                Duration.ofSeconds(30));
        }
    }

    private void points(String id, Set<EnterpriseClass> classes) {
        builder.point(PARK, id, "elec-01", PointKind.ELECTRICITY_METER, Duration.ofSeconds(15));
        builder.point(PARK, id, "water-01", PointKind.WATER_METER, Duration.ofMinutes(1));
        builder.point(PARK, id, "econ-01", PointKind.ECONOMIC_REPORT, Duration.ofDays(1));
        if (classes.contains(EnterpriseClass.KEY_ENERGY_USER) || classes.contains(EnterpriseClass.KEY_POLLUTER)) {
            builder.point(PARK, id, "coal-01", PointKind.COAL_METER, Duration.ofMinutes(15));
        }
        if (classes.contains(EnterpriseClass.KEY_POLLUTER)) {
            builder.loggedPoint(PARK, id, "stack-01", PointKind.CEMS_STACK, Duration.ofMinutes(1));
        }
        if (classes.contains(EnterpriseClass.KEY_EMERGENCY_SUPERVISED)) {
            builder.point(PARK, id, "gas-01", PointKind.GAS_DETECTOR, Duration.ofSeconds(30));
            builder.point(PARK, id, "tank-01", PointKind.TANK, Duration.ofMinutes(1));
        }
    }
}
