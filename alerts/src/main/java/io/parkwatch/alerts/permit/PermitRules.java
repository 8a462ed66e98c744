package io.parkwatch.alerts.permit;

import io.parkwatch.contracts.factor.Factor;
import io.parkwatch.contracts.factor.FactorCatalog;
import io.parkwatch.contracts.factor.FactorMedium;
import io.parkwatch.contracts.permit.AveragingPeriod;
import io.parkwatch.contracts.permit.ConcentrationUnits;
import io.parkwatch.contracts.permit.Outlet;
import io.parkwatch.contracts.permit.Permit;
import io.parkwatch.contracts.permit.PollutantLimit;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Compiles an emission permit into a rule pack of the threshold engine, so that a permit is judged
 * by the same windows, O₂ conversion and alert lifecycle as every other limit: one rule per outlet
 * and pollutant, matching exactly the outlet's points, its limit as a critical level on the mean
 * of the permit's averaging period. The rules carry the permit number, which makes the park-wide
 * emission limits ({@code unlessPermitted}) step aside at those points.
 */
public final class PermitRules {

    /** The oxygen factor of flue gas, whose reading of the same field converts a value to the reference O₂. */
    static final String OXYGEN = "a19001";
    /** HJ 212's aggregation rule: a flue-gas mean needs 75 % normal values; a waste-water mean all of them. */
    private static final double AIR_MIN_VALID_SHARE = 0.75;
    private static final double WATER_MIN_VALID_SHARE = 1.0;

    private PermitRules() {
    }

    /** The name of a permit's pack on the rules topic: {@code permit.park.enterprise} (ids never hold dots). */
    public static String packName(Permit permit) {
        return packName(permit.park(), permit.enterprise());
    }

    public static String packName(String park, String enterprise) {
        return "permit." + park + "." + enterprise;
    }

    /** The id of the rule judging one pollutant at one outlet. */
    public static String ruleId(Permit permit, String outlet, String pollutant) {
        return packName(permit) + "." + outlet + "." + pollutant;
    }

    /**
     * The permit as a rule pack (YAML in the rule-file format of docs/rules.md); daily means are
     * calendar days of {@code parkZone}.
     */
    public static String packYaml(Permit permit, ZoneId parkZone) {
        FactorCatalog catalog = FactorCatalog.hj212();
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Outlet outlet : permit.outlets()) {
            for (PollutantLimit limit : outlet.limits()) {
                Factor factor = catalog.byCode(limit.pollutant()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown pollutant " + limit.pollutant() + " in permit " + permit.number()));
                rules.add(rule(permit, outlet, limit, factor, parkZone));
            }
        }
        Map<String, Object> pack = new LinkedHashMap<>();
        pack.put("pack", packName(permit));
        pack.put("rules", rules);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(200);
        return "# Compiled from emission permit " + permit.number() + " of " + permit.key()
            + " (parkwatch permits load; format: docs/permits.md).\n" + new Yaml(options).dump(pack);
    }

    private static Map<String, Object> rule(Permit permit, Outlet outlet, PollutantLimit limit, Factor factor,
                                            ZoneId parkZone) {
        boolean air = outlet.medium() == FactorMedium.AIR;
        double trigger = limit.limit() * ConcentrationUnits.factor(limit.unit(), factor.unit()).orElseThrow(
            () -> new IllegalArgumentException(limit.unit() + " is not a unit of " + factor.code()));
        Map<String, Object> match = new LinkedHashMap<>();
        match.put("park", permit.park());
        match.put("enterprise", permit.enterprise());
        match.put("point", outlet.points());
        match.put("metric", metrics(factor.code(), limit.period(), air));
        match.put("unit", factor.unit());
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("size", limit.period() == AveragingPeriod.HOUR ? "1h" : "1d");
        // An hour is judged 10 minutes after it ends, as the park-wide limits are; a day an hour
        // after, so that the logger's last hourly values of the day are in.
        window.put("grace", limit.period() == AveragingPeriod.HOUR ? "10m" : "1h");
        window.put("minValidShare", air ? AIR_MIN_VALID_SHARE : WATER_MIN_VALID_SHARE);
        if (limit.period() == AveragingPeriod.DAY) {
            window.put("zone", parkZone.getId());
        }
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", ruleId(permit, outlet.id(), factor.code()));
        rule.put("description", description(permit, outlet, limit, factor));
        rule.put("permit", permit.number());
        rule.put("match", match);
        rule.put("above", Map.of("critical", plain(trigger)));
        rule.put("window", window);
        if (limit.referenceOxygen() != null) {
            Map<String, Object> oxygen = new LinkedHashMap<>();
            oxygen.put("reference", plain(limit.referenceOxygen()));
            oxygen.put("factor", OXYGEN);
            oxygen.put("maxAge", "2h");
            rule.put("oxygen", oxygen);
        }
        return rule;
    }

    /**
     * The fields a limit judges, each averaged on its own: real-time values, the logger's hourly
     * (and for a daily limit its daily) values, and for flue gas the logger's own O₂-converted
     * ({@code Zs}) values, which are taken as they are.
     */
    static List<String> metrics(String code, AveragingPeriod period, boolean air) {
        List<String> fields = new ArrayList<>(List.of("Rtd", "Avg-hour"));
        if (period == AveragingPeriod.DAY) {
            fields.add("Avg-day");
        }
        if (air) {
            fields.add("ZsRtd");
            fields.add("ZsAvg-hour");
            if (period == AveragingPeriod.DAY) {
                fields.add("ZsAvg-day");
            }
        }
        return fields.stream().map(field -> code + "-" + field).toList();
    }

    private static String description(Permit permit, Outlet outlet, PollutantLimit limit, Factor factor) {
        String oxygen = limit.referenceOxygen() == null ? "" : " at " + plain(limit.referenceOxygen()) + " % O2";
        String basis = limit.basis() == null ? "" : " (" + limit.basis() + ")";
        return factor.nameEn() + " " + (limit.period() == AveragingPeriod.HOUR ? "hourly" : "daily") + " mean over "
            + plain(limit.limit()) + " " + limit.unit() + oxygen + " at outlet " + outlet.id()
            + (outlet.name().equals(outlet.id()) ? "" : " " + outlet.name()) + ", permit " + permit.number() + basis;
    }

    /** A number as people write it: 35, not 35.0; 0.5, not 5.0E-1. */
    private static Object plain(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        return decimal.scale() <= 0 ? (Object) decimal.longValueExact() : (Object) decimal.doubleValue();
    }
}
