package io.parkwatch.console.rules;

import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.rules.RulePackRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule packs in force, as the alerts topology sees them: the built-in packs, each replaced
 * by a pack of the same name on the rules topic. A published pack that cannot be read leaves the
 * last good version in place (the topology does the same); a tombstone withdraws it.
 */
public final class RuleShelf {

    private static final Logger LOG = LoggerFactory.getLogger(RuleShelf.class);

    private final RulePackReader reader;
    private final Map<String, PackShapes> builtIn = new LinkedHashMap<>();
    private final Map<String, PackShapes> published = new LinkedHashMap<>();

    public RuleShelf(RulePackReader reader, List<PackShapes> builtInPacks) {
        this.reader = Objects.requireNonNull(reader, "reader");
        builtInPacks.forEach(pack -> builtIn.put(pack.name(), pack));
    }

    /** Applies one record of the rules topic (null: the pack is withdrawn). */
    public void apply(String name, RulePackRecord record) {
        if (record == null) {
            synchronized (this) {
                published.remove(name);
            }
            return;
        }
        try {
            PackShapes pack = reader.read(name, record.source(), record.yaml());
            synchronized (this) {
                published.put(name, pack);
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("rule pack {} on the rules topic is unreadable, keeping its previous version: {}", name,
                e.getMessage());
        }
    }

    /** The geofence polygons drawn on the park's map, by rule id. */
    public synchronized List<GeofenceArea> areasOf(String park) {
        List<GeofenceArea> areas = new ArrayList<>();
        for (PackShapes pack : inForce()) {
            pack.areas().stream().filter(area -> area.appliesTo(park)).forEach(areas::add);
        }
        areas.sort(Comparator.comparing(GeofenceArea::ruleId));
        return areas;
    }

    /**
     * The limit lines of the rules that judge this point's metric, lowest severity first. At a point
     * a permit covers, the park-wide limits that yield to permits are left out, as the alert engine
     * leaves them out: only the permit's lines are drawn there.
     */
    public synchronized List<RuleLimit> limitsFor(PointEntry point, String domain, String metric) {
        List<PackShapes> packs = inForce();
        boolean permitted = packs.stream().anyMatch(pack -> pack.permittedPoints().contains(point.pointKey()));
        List<RuleLimit> limits = new ArrayList<>();
        for (PackShapes pack : packs) {
            pack.limits().stream().filter(limit -> !(permitted && limit.unlessPermitted()))
                .filter(limit -> limit.scope().applies(point, domain, metric)).forEach(limits::add);
        }
        limits.sort(Comparator.comparing(RuleLimit::severity).thenComparing(RuleLimit::ruleId));
        return limits;
    }

    private List<PackShapes> inForce() {
        Map<String, PackShapes> packs = new LinkedHashMap<>(builtIn);
        packs.putAll(published);
        return List.copyOf(packs.values());
    }
}
