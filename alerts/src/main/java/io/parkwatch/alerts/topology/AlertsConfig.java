package io.parkwatch.alerts.topology;

import io.parkwatch.alerts.rule.RulePack;
import io.parkwatch.alerts.rulefile.RuleFileReader;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the alerts topology runs.
 *
 * @param builtInPacks   packs used until the rules topic holds a pack of the same name (which replaces it)
 * @param activeProfiles rules tagged with another profile are inactive (e.g. {@code ultra-low} vs {@code gb13223})
 * @param updateEvery    least event time between an open alert's events while repeats arrive
 * @param rulesRefresh   how often (wall clock) the rules topic's packs are re-read
 */
public record AlertsConfig(List<RulePack> builtInPacks, Set<String> activeProfiles, Duration updateEvery,
                           Duration rulesRefresh, ThresholdMetrics metrics) {

    public static final String DEFAULT_PROFILE = "ultra-low";

    public AlertsConfig {
        builtInPacks = List.copyOf(builtInPacks);
        activeProfiles = Set.copyOf(activeProfiles);
        Objects.requireNonNull(updateEvery, "updateEvery is required");
        Objects.requireNonNull(rulesRefresh, "rulesRefresh is required");
        Objects.requireNonNull(metrics, "metrics is required");
        if (updateEvery.isNegative() || rulesRefresh.isZero() || rulesRefresh.isNegative()) {
            throw new IllegalArgumentException("updateEvery must be >= 0 and rulesRefresh positive");
        }
    }

    /** The default pack under the ultra-low profile, UPDATED at most every 15 minutes, rules re-read every 10 s. */
    public static AlertsConfig defaults(ThresholdMetrics metrics) {
        return new AlertsConfig(List.of(RuleFileReader.defaultPack()), Set.of(DEFAULT_PROFILE),
            Duration.ofMinutes(15), Duration.ofSeconds(10), metrics);
    }

    public AlertsConfig withPacks(List<RulePack> packs) {
        return new AlertsConfig(packs, activeProfiles, updateEvery, rulesRefresh, metrics);
    }

    public AlertsConfig withProfiles(Set<String> profiles) {
        return new AlertsConfig(builtInPacks, profiles, updateEvery, rulesRefresh, metrics);
    }
}
