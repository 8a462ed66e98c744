/**
 * Emission permits (排污许可证): per enterprise, its outlets mapped to registry points, and per
 * outlet and pollutant the limit, unit, reference O₂, averaging period and annual total. The file
 * format and its validation are in {@code file}; the alert engine judges a permit as a rule pack.
 */
package io.parkwatch.contracts.permit;
