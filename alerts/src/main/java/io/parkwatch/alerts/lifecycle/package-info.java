/** The alert lifecycle of a (point, rule): raised, escalated, updated, cleared, acknowledged, and levels waiting on {@code for:}. */
package io.parkwatch.alerts.lifecycle;
