package io.parkwatch.transport.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.parkwatch.contracts.json.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A probe's answer: UP only when every check is UP. As JSON:
 * {@code {"status":"DOWN","checks":[{"name":"mqtt.subscription","status":"DOWN","detail":"…"}]}}.
 */
public record HealthReport(HealthStatus status, List<CheckResult> checks) {

    public HealthReport {
        checks = List.copyOf(checks);
    }

    static HealthReport of(List<CheckResult> checks) {
        boolean up = checks.stream().allMatch(check -> check.status() == HealthStatus.UP);
        return new HealthReport(up ? HealthStatus.UP : HealthStatus.DOWN, checks);
    }

    /** 200 when UP, 503 when DOWN: what load balancers and orchestrators read. */
    public int httpStatus() {
        return status == HealthStatus.UP ? 200 : 503;
    }

    public byte[] toJson() {
        try {
            return JsonSerde.MAPPER.writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a health report is always writable", e);
        }
    }
}
