/** The rule model: a rule's match and its condition (levels, flags, alarm bits, geofences, quotas), rule packs and the book of active rules. */
package io.parkwatch.alerts.rule;
