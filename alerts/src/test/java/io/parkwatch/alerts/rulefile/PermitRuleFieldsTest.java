package io.parkwatch.alerts.rulefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.alerts.rule.Rule;
import io.parkwatch.alerts.rule.RulePack;
import org.junit.jupiter.api.Test;

/** The rule-file fields permits rely on: {@code match.point}, {@code permit}, {@code unlessPermitted}, window zones. */
class PermitRuleFieldsTest {

    @Test
    void aPermitRuleCoversTheNamedPointsOfItsEnterprise() {
        RulePack pack = RuleFileReader.read("p.yaml", """
            rules:
              - id: kiln-nox
                permit: 91150624XXXXXXXXX5001P
                match: {park: otog, enterprise: c05, point: [stack-01, stack-02], metric: a21002-Rtd}
                above: {critical: 400}
              - id: nox-park-wide
                unlessPermitted: true
                match: {metric: a21002-Rtd}
                above: {critical: 50}
            """);

        Rule kiln = pack.rules().get(0);
        assertThat(kiln.permittedPoints()).containsExactlyInAnyOrder("otog/c05/stack-01", "otog/c05/stack-02");
        assertThat(kiln.unlessPermitted()).isFalse();
        assertThat(pack.rules().get(1).unlessPermitted()).isTrue();
        assertThat(pack.rules().get(1).permittedPoints()).isEmpty();
    }

    @Test
    void aPermitRuleWithoutItsEnterpriseOrPointsAndAZoneOnAnHourlyWindowAreRefused() {
        assertThatThrownBy(() -> RuleFileReader.read("p.yaml", """
            rules:
              - id: kiln-nox
                permit: 91150624XXXXXXXXX5001P
                match: {park: otog, point: stack-01, metric: a21002-Rtd}
                above: {critical: 400}
            """)).isInstanceOf(RuleFileException.class)
            .hasMessageContaining("line 2, field rules[0].id: a permit rule must match one park, one enterprise and its points");
        assertThatThrownBy(() -> RuleFileReader.read("p.yaml", """
            rules:
              - id: so2
                match: {metric: a21026-Rtd}
                above: {critical: 35}
                window: {size: 1h, zone: Asia/Shanghai}
            """)).isInstanceOf(RuleFileException.class).hasMessageContaining("field rules[0].window.zone")
            .hasMessageContaining("needs size 1d");
        assertThatThrownBy(() -> RuleFileReader.read("p.yaml", """
            rules:
              - id: so2
                unlessPermitted: sometimes
                match: {metric: a21026-Rtd}
                above: {critical: 35}
            """)).isInstanceOf(RuleFileException.class).hasMessageContaining("expected true or false");
    }
}
