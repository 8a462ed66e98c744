package io.parkwatch.cli.runtime;

import io.parkwatch.alerts.rule.Direction;
import io.parkwatch.alerts.rule.GeofenceCondition;
import io.parkwatch.alerts.rule.Level;
import io.parkwatch.alerts.rule.LevelCondition;
import io.parkwatch.alerts.rule.Rule;
import io.parkwatch.alerts.rule.RuleMatch;
import io.parkwatch.alerts.rule.RulePack;
import io.parkwatch.alerts.rulefile.RuleFileReader;
import io.parkwatch.console.rules.AreaKind;
import io.parkwatch.console.rules.GeofenceArea;
import io.parkwatch.console.rules.PackShapes;
import io.parkwatch.console.rules.RuleLimit;
import io.parkwatch.console.rules.RulePackReader;
import io.parkwatch.console.rules.RuleScope;
import io.parkwatch.contracts.registry.PointEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The console's view of a rule pack, read by the alerts topology's own parser (so there is one
 * reader of the format): geofence rules become map polygons, level rules limit lines. Rate of
 * change rules are left out: their thresholds are not in the readings' units.
 */
public final class StreamsRuleShapes implements RulePackReader {

    @Override
    public PackShapes read(String name, String source, String yaml) {
        return shapes(name, RuleFileReader.read(source == null ? name : source, yaml));
    }

    /** The built-in default pack, which applies until the rules topic replaces it. */
    public static PackShapes defaultPack() {
        RulePack pack = RuleFileReader.defaultPack();
        return shapes(pack.name(), pack);
    }

    static PackShapes shapes(String name, RulePack pack) {
        List<GeofenceArea> areas = new ArrayList<>();
        List<RuleLimit> limits = new ArrayList<>();
        Set<String> permitted = new HashSet<>();
        for (Rule rule : pack.rules()) {
            permitted.addAll(rule.permittedPoints());
            if (rule.condition() instanceof GeofenceCondition fence) {
                areas.add(new GeofenceArea(rule.id(), rule.description(),
                    AreaKind.of(fence.alertInside(), fence.maxSpeedKmh() != null), rule.match().parks(),
                    fence.area()));
            } else if (rule.condition() instanceof LevelCondition level && level.rate() == null) {
                for (Level step : level.levels()) {
                    limits.add(new RuleLimit(rule.id(), step.severity(), step.trigger(),
                        level.direction() == Direction.ABOVE, rule.profile(), scope(rule.match()),
                        rule.unlessPermitted()));
                }
            }
        }
        return new PackShapes(name, areas, limits, permitted);
    }

    private static RuleScope scope(RuleMatch match) {
        return (PointEntry point, String domain, String metric) ->
            (domain == null || match.domains().isEmpty() || match.domains().stream()
                .anyMatch(d -> d.name().equals(domain)))
            && (match.pointKinds().isEmpty() || match.pointKinds().contains(point.kind()))
            && (match.parks().isEmpty() || match.parks().contains(point.park()))
            && (match.enterprises().isEmpty() || match.enterprises().contains(point.enterprise()))
            && (match.points().isEmpty() || match.points().contains(point.id()))
            && match.matchesMetric(metric);
    }
}
