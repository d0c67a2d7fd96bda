package io.ecap.testenv.operator.metrics;

import io.ecap.testenv.operator.api.status.Phase;
import io.ecap.testenv.operator.status.ProgressListener;
import io.ecap.testenv.operator.status.Reasons;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operator's own metrics (JOSDK's reconcile metrics come from its micrometer support):
 * ecap_operator_runs{phase}, ecap_operator_queue_length, ecap_operator_phase_duration_seconds{phase},
 * ecap_operator_runs_finished_total{phase,reason}, ecap_operator_teardown_failures_total and
 * ecap_environment_component_ready_seconds{component}.
 */
public final class OperatorMetrics implements ProgressListener {

  private final MeterRegistry registry;
  /** uid -> phase and reason of every run this replica has seen, for the gauges. */
  private final Map<String, String[]> runs = new ConcurrentHashMap<>();
  private final Counter teardownFailures;

  public OperatorMetrics(MeterRegistry registry) {
    // Before JOSDK creates its meters (the Operator is built after this), so they get HELP text.
    registry.config().meterFilter(new JosdkMetricDescriptions());
    this.registry = registry;
    for (Phase phase : Phase.values()) {
      Gauge.builder("ecap.operator.runs", runs, r -> r.values().stream().filter(v -> phase.name().equals(v[0])).count())
          .description("Runs by phase").tag("phase", phase.name()).register(registry);
    }
    Gauge.builder("ecap.operator.queue.length", runs, r -> r.values().stream().filter(v -> Reasons.QUEUED.equals(v[1])).count())
        .description("Runs waiting for a free slot under the concurrency limit").register(registry);
    teardownFailures = Counter.builder("ecap.operator.teardown.failures")
        .description("Failed deletions during teardown (each is retried)").register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void observed(String uid, Phase phase, String reason) {
    runs.put(uid, new String[] {phase == null ? Phase.Pending.name() : phase.name(), reason});
  }

  public void forget(String uid) {
    runs.remove(uid);
  }

  public void finished(Phase phase, String reason) {
    Counter.builder("ecap.operator.runs.finished").description("Runs that reached a final phase")
        .tag("phase", phase.name()).tag("reason", reason == null ? "" : reason).register(registry).increment();
  }

  public void teardownFailed() {
    teardownFailures.increment();
  }

  @Override
  public void componentReady(String component, Duration sinceStart) {
    Timer.builder("ecap.environment.component.ready").description("Time from the start of provisioning until a component was ready")
        .tag("component", component).register(registry).record(sinceStart);
  }

  @Override
  public void phaseEnded(String phase, Duration took) {
    Timer.builder("ecap.operator.phase.duration").description("Duration of a run's phases")
        .tag("phase", phase).register(registry).record(took);
  }
}
