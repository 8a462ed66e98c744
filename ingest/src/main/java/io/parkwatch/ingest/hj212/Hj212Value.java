package io.parkwatch.ingest.hj212;

import io.parkwatch.contracts.reading.Quality;

/**
 * One value of one factor in a CP segment.
 *
 * @param factor  the factor code as sent (a21026, or a 2005 code such as 02)
 * @param kind    Rtd, Min, Avg, Max, ZsRtd, ZsMin, ZsAvg, ZsMax or Cou
 * @param quality the factor's {@code -Flag}, N when absent
 */
public record Hj212Value(String factor, String kind, double value, Quality quality) {
}
