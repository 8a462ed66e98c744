package io.parkwatch.contracts.permit;

/**
 * A permitted annual total: at most {@code tonnesPerYear} t of {@code pollutant} a year through
 * {@code outlet}. Read from the permit for the totals report; the alert engine does not judge it.
 */
public record AnnualTotal(String outlet, String pollutant, double tonnesPerYear) {
}
