package io.parkwatch.contracts.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertIdsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void aThresholdIdIsSubjectRuleAndFirstSeenMillisBetweenBars() {
        assertThat(AlertIds.threshold("p/e/det-1", "h2s", T0)).isEqualTo("p/e/det-1|h2s|1795420800000");
    }

    @Test
    void anEnterpriseWideAlertsSubjectStandsInForAPointKey() {
        assertThat(AlertIds.enterpriseSubject("p", "e")).isEqualTo("p/e/*");
        assertThat(AlertIds.threshold(AlertIds.enterpriseSubject("p", "e"), "quota", T0))
            .isEqualTo("p/e/*|quota|1795420800000");
    }

    @Test
    void aThresholdIdGivesBackItsSubjectAndRule() {
        String id = AlertIds.threshold("p/e/det-1", "h2s", T0);

        assertThat(AlertIds.thresholdSubject(id)).isEqualTo("p/e/det-1");
        assertThat(AlertIds.thresholdRule(id)).isEqualTo("h2s");
        assertThat(AlertIds.isDataGap(id)).isFalse();
    }

    @Test
    void aDataGapIdIsThePrefixedPointKey() {
        String id = AlertIds.dataGap("p/e1/water");

        assertThat(id).isEqualTo("data-gap:p/e1/water");
        assertThat(AlertIds.isDataGap(id)).isTrue();
        assertThat(AlertIds.dataGapPoint(id)).isEqualTo("p/e1/water");
        assertThat(AlertIds.thresholdSubject(id)).isNull();
        assertThat(AlertIds.thresholdRule(id)).isNull();
    }

    @Test
    void idsOfNeitherKindAreRecognisedAsNone() {
        assertThat(AlertIds.isDataGap(null)).isFalse();
        assertThat(AlertIds.isDataGap("data-gap:")).isFalse();
        assertThat(AlertIds.isDataGap("data-gap-p/e/x")).isFalse();
        assertThat(AlertIds.thresholdSubject("p/e/det-1|h2s")).isNull();
        assertThat(AlertIds.thresholdSubject("a|b|c|d")).isNull();
        assertThat(AlertIds.thresholdSubject(" |h2s|1")).isNull();
        assertThat(AlertIds.thresholdSubject("not-an-id")).isNull();
    }
}
