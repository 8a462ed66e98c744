package io.parkwatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.registry.Module;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertPointsTest {

    private static AlertEvent event(String pointKey, AlertEventType type) {
        Instant at = Instant.parse("2026-11-23T08:00:00.123Z");
        return AlertEvent.builder()
            .alertId("a-1")
            .type(type)
            .ruleId("so2-high")
            .park("xilinhot")
            .enterprise("e001")
            .pointKey(pointKey)
            .severity(Severity.CRITICAL)
            .firstSeen(at)
            .lastSeen(at)
            .peakValue(80.5)
            .occurrences(3)
            .message("SO2 80.5 mg/m3 above 35")
            .at(at)
            .build();
    }

    @Test
    void anAlertEventBecomesAPointTaggedByPointRuleAndEventAtItsTime() {
        assertThat(AlertPoints.of(event("xilinhot/e001/stack-01", AlertEventType.RAISED)).toLineProtocol())
            .isEqualTo("alert,enterprise=e001,event=RAISED,park=xilinhot,point=xilinhot/e001/stack-01,rule=so2-high,"
                + "severity=CRITICAL alert_id=\"a-1\",message=\"SO2 80.5 mg/m3 above 35\",occurrences=3i,"
                + "peak_value=80.5 1795420800123000000");
    }

    @Test
    void theOperatorsFieldsBecomeModuleAndMetricTagsAndValueThresholdAndAcknowledgementFields() {
        Instant at = Instant.parse("2026-11-23T08:00:00.123Z");
        AlertEvent acknowledged = AlertEvent.builder()
            .alertId("a-1")
            .type(AlertEventType.ACKNOWLEDGED)
            .ruleId("h2s")
            .park("xilinhot")
            .enterprise("e001")
            .pointKey("xilinhot/e001/det-01")
            .severity(Severity.WARNING)
            .firstSeen(at)
            .lastSeen(at)
            .peakValue(12.5)
            .occurrences(3)
            .message("acknowledged by li")
            .at(at)
            .module(Module.SAFETY)
            .metric("h2s")
            .value(11.0)
            .limit(10.0)
            .acknowledgedBy("li")
            .note("valve closed")
            .build();

        assertThat(AlertPoints.of(acknowledged).toLineProtocol())
            .isEqualTo("alert,enterprise=e001,event=ACKNOWLEDGED,metric=h2s,module=SAFETY,park=xilinhot,"
                + "point=xilinhot/e001/det-01,rule=h2s,severity=WARNING acknowledged_by=\"li\",alert_id=\"a-1\","
                + "message=\"acknowledged by li\",note=\"valve closed\",occurrences=3i,peak_value=12.5,"
                + "threshold=10.0,value=11.0 1795420800123000000");
    }

    @Test
    void twoPointsOrTwoEventsAtTheSameInstantStayDistinctSeries() {
        String raised = AlertPoints.of(event("p1", AlertEventType.RAISED)).toLineProtocol();
        String otherPoint = AlertPoints.of(event("p2", AlertEventType.RAISED)).toLineProtocol();
        String cleared = AlertPoints.of(event("p1", AlertEventType.CLEARED)).toLineProtocol();
        assertThat(raised.substring(0, raised.indexOf(' ')))
            .isNotEqualTo(otherPoint.substring(0, otherPoint.indexOf(' ')))
            .isNotEqualTo(cleared.substring(0, cleared.indexOf(' ')));
    }
}
