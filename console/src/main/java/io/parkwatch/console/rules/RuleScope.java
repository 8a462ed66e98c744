package io.parkwatch.console.rules;

import io.parkwatch.contracts.registry.PointEntry;

/** Which points and metrics a rule judges: the rule's own match, kept by whoever parsed it. */
@FunctionalInterface
public interface RuleScope {

    /** @param domain the readings' domain as InfluxDB tags them, null when not known (then not checked) */
    boolean applies(PointEntry point, String domain, String metric);
}
