package io.ecap.platform.services.health;

/** The last probe of one dependency: state UP or DOWN, probe latency, the breaker's state, and why it is down. */
public record DependencyStatus(String name, String status, double latencyMillis, String circuitBreaker, String error,
                               String checkedAt) {
}
