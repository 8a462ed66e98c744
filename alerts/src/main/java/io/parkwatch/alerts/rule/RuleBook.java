package io.parkwatch.alerts.rule;

import io.parkwatch.contracts.reading.Reading;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The active rules at one moment: every pack's rules whose profile is active, ids unique. */
public final class RuleBook {

    private static final Logger LOG = LoggerFactory.getLogger(RuleBook.class);

    private final Map<String, Rule> rules;
    private final Set<String> oxygenFactors;
    private final boolean perEnterprise;
    private final Set<String> permittedPoints;

    private RuleBook(Map<String, Rule> rules) {
        this.rules = rules;
        Set<String> factors = new HashSet<>();
        Set<String> permitted = new HashSet<>();
        for (Rule rule : rules.values()) {
            if (rule.condition() instanceof LevelCondition level && level.oxygen() != null) {
                factors.add(level.oxygen().oxygenFactor());
            }
            permitted.addAll(rule.permittedPoints());
        }
        this.oxygenFactors = Set.copyOf(factors);
        this.permittedPoints = Set.copyOf(permitted);
        this.perEnterprise = rules.values().stream().anyMatch(Rule::perEnterprise);
    }

    /** True when some active rule is judged per enterprise. */
    public boolean hasPerEnterprise() {
        return perEnterprise;
    }

    /** Packs in order of precedence; a rule id already taken by an earlier pack is skipped with a warning. */
    public static RuleBook of(Collection<RulePack> packs, Set<String> activeProfiles) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (RulePack pack : packs) {
            for (Rule rule : pack.rules()) {
                if (rule.profile() != null && !activeProfiles.contains(rule.profile())) {
                    continue;
                }
                if (rules.putIfAbsent(rule.id(), rule) != null) {
                    LOG.warn("rule {} of pack {} ignored: another pack already defines that id", rule.id(), pack.name());
                }
            }
        }
        return new RuleBook(rules);
    }

    /** The point's rules matching the reading (enterprise-wide ones are judged apart). */
    public List<Rule> matching(Reading reading, String pointKind) {
        return matching(reading, pointKind, false);
    }

    /** The rules matching the reading that are judged per enterprise ({@code perEnterprise}) or per point. */
    public List<Rule> matching(Reading reading, String pointKind, boolean perEnterprise) {
        List<Rule> result = new ArrayList<>();
        for (Rule rule : rules.values()) {
            // The point key is built only for a general limit while some permit is loaded (hot path).
            if (rule.perEnterprise() == perEnterprise && rule.match().matches(reading, pointKind)
                && !(rule.unlessPermitted() && !permittedPoints.isEmpty() && yields(rule, reading.pointKey()))) {
                result.add(rule);
            }
        }
        return result;
    }

    /**
     * True when {@code rule} is a general limit ({@code unlessPermitted}) and a permit rule of this
     * book covers the point: the permit's limits judge that outlet instead.
     */
    public boolean yields(Rule rule, String pointKey) {
        return rule.unlessPermitted() && permittedPoints.contains(pointKey);
    }

    /** The point keys that the permit rules of this book cover. */
    public Set<String> permittedPoints() {
        return permittedPoints;
    }

    public Rule rule(String id) {
        return rules.get(id);
    }

    public Collection<Rule> all() {
        return rules.values();
    }

    /**
     * The rules of this book that {@code next} no longer has ("withdrawn") or has with another
     * definition ("changed"), by id: their open alerts no longer stand.
     */
    public Map<String, String> departures(RuleBook next) {
        Map<String, String> gone = new LinkedHashMap<>();
        for (Rule rule : rules.values()) {
            Rule now = next.rule(rule.id());
            if (now == null) {
                gone.put(rule.id(), "rule " + rule.id() + " was withdrawn");
            } else if (!now.equals(rule)) {
                gone.put(rule.id(), "rule " + rule.id() + " was changed; it judges afresh");
            }
        }
        return gone;
    }

    /** True when some active rule converts to reference O₂ with this metric's factor. */
    public boolean isOxygen(String metric) {
        for (String factor : oxygenFactors) {
            if (metric.equals(factor) || metric.startsWith(factor + '-')) {
                return true;
            }
        }
        return false;
    }
}
