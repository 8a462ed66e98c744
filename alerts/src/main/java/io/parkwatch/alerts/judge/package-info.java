/** Judging observations against a rule: levels with hysteresis, flags, quotas, rates, window means and reference O₂. */
package io.parkwatch.alerts.judge;
