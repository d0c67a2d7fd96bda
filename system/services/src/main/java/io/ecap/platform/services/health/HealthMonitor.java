package io.ecap.platform.services.health;

import io.ecap.platform.services.resilience.Breakers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Probes each dependency in the background (through its circuit breaker, so the breaker also closes again once
 * the dependency is back, with no traffic needed) and keeps the last result: /health/ready answers from it in
 * microseconds. Exported as {@code ecap_dependency_up} and {@code ecap_dependency_check_latency_seconds}.
 */
public final class HealthMonitor implements AutoCloseable {

  /** One dependency check; throws when the dependency is not usable. */
  @FunctionalInterface
  public interface Probe {
    void check() throws Exception;
  }

  /** Whether the service can work without the dependency (degraded) or not at all. */
  public enum Criticality {
    REQUIRED, OPTIONAL
  }

  private record Check(String name, Probe probe, Criticality criticality) {
  }

  private final Breakers breakers;
  private final Map<String, Check> checks = new LinkedHashMap<>();
  private final Map<String, DependencyStatus> latest = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "ecap-health");
    t.setDaemon(true);
    return t;
  });
  private final MeterRegistry registry;

  public HealthMonitor(Breakers breakers, MeterRegistry registry) {
    this.breakers = breakers;
    this.registry = registry;
  }

  public HealthMonitor register(String name, Criticality criticality, Probe probe) {
    checks.put(name, new Check(name, probe, criticality));
    Gauge.builder("ecap.dependency.up", latest, m -> m.containsKey(name) && m.get(name).status().equals("UP") ? 1 : 0)
        .description("1 when the last probe of the dependency succeeded").tags("dependency", name).register(registry);
    Gauge.builder("ecap.dependency.check.latency", latest, m -> m.containsKey(name) ? m.get(name).latencyMillis() / 1000 : 0)
        .baseUnit("seconds").description("Latency of the last probe").tags("dependency", name).register(registry);
    return this;
  }

  /** Probes once now (so readiness is known at start) and then every {@code periodMillis}. */
  public void start(long periodMillis) {
    probeAll();
    scheduler.scheduleWithFixedDelay(this::probeAll, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  public void probeAll() {
    checks.values().forEach(this::probe);
  }

  private void probe(Check check) {
    CircuitBreaker breaker = breakers.named(check.name());
    long start = System.nanoTime();
    String error = null;
    try {
      breaker.executeCallable(() -> {
        check.probe().check();
        return null;
      });
    } catch (Exception e) {
      error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    } catch (Throwable t) {
      error = t.toString();
    }
    double millis = (System.nanoTime() - start) / 1e6;
    latest.put(check.name(), new DependencyStatus(check.name(), error == null ? "UP" : "DOWN",
        Math.round(millis * 1000) / 1000.0, breaker.getState().name(), error, Instant.now().toString()));
  }

  /** UP when everything is up, DEGRADED when only optional dependencies are down, DOWN otherwise. */
  public HealthReport report() {
    List<DependencyStatus> statuses = checks.keySet().stream().map(latest::get).filter(s -> s != null).toList();
    boolean requiredDown = checks.values().stream()
        .anyMatch(c -> c.criticality() == Criticality.REQUIRED && !isUp(c.name()));
    boolean anyDown = checks.keySet().stream().anyMatch(n -> !isUp(n));
    String status = requiredDown ? "DOWN" : anyDown ? "DEGRADED" : "UP";
    return new HealthReport(status, statuses);
  }

  public boolean isUp(String name) {
    DependencyStatus s = latest.get(name);
    return s != null && s.status().equals("UP");
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
