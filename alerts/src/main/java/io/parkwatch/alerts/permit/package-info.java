/**
 * Emission permits as rule packs: {@code PermitRules} compiles a validated permit into rules of
 * this engine (per outlet point and pollutant, the permit's averaging period as the window).
 */
package io.parkwatch.alerts.permit;
