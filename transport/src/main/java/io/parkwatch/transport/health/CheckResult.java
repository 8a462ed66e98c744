package io.parkwatch.transport.health;

/** One check as a probe answered it. */
public record CheckResult(String name, HealthStatus status, String detail) {
}
