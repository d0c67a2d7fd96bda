package io.ecap.testenv.operator.reconciler;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.api.IntegrationTestRunStatus;
import io.ecap.testenv.operator.api.spec.TeardownSpec;
import io.ecap.testenv.operator.metrics.OperatorMetrics;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.status.Conditions;
import io.ecap.testenv.operator.status.Reasons;
import io.ecap.testenv.operator.status.RunProgress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens after a run finished: diagnostics are kept, the environment is torn down when its
 * policy says (retrying and counting failed deletions, naming what a hanging teardown leaves), and
 * the run itself is deleted after its TTL. Returns when to look again, if ever.
 */
public final class FinishedRuns {

  private static final Logger LOG = LoggerFactory.getLogger(FinishedRuns.class);

  private final KubernetesClient client;
  private final Teardown teardown;
  private final DiagnosticsCollector diagnostics;
  private final OperatorMetrics metrics;
  private final RunEvents events;
  private final Duration retryInterval;

  public FinishedRuns(KubernetesClient client, Teardown teardown, DiagnosticsCollector diagnostics, OperatorMetrics metrics,
      RunEvents events, Duration retryInterval) {
    this.client = client;
    this.teardown = teardown;
    this.diagnostics = diagnostics;
    this.metrics = metrics;
    this.events = events;
    this.retryInterval = retryInterval;
  }

  /** Updates {@code status} (the run's copy) and returns when to look at the run again. */
  public Optional<Duration> handle(IntegrationTestRun run, IntegrationTestRunStatus status, RunModel model,
      Context<IntegrationTestRun> context, Instant now) {
    Long generation = status.getObservedGeneration();
    Instant finished = status.getFinishedAt() == null ? now : Instant.parse(status.getFinishedAt());
    if (model == null || status.getNamespace() == null) {
      Conditions.set(status, Conditions.TORN_DOWN, true, Reasons.NOTHING_CREATED, "no environment was created", generation, now);
      return Optional.empty();
    }
    if (status.getDiagnosticsConfigMap() == null) {
      IntegrationTestRun snapshot = new IntegrationTestRun();
      snapshot.setMetadata(run.getMetadata());
      snapshot.setStatus(status);
      status.setDiagnosticsConfigMap(diagnostics.collect(snapshot, model));
    }
    TeardownSpec spec = model.spec().getTeardown();
    if (!Conditions.isTrue(status, Conditions.TORN_DOWN)) {
      Optional<Instant> due = TeardownSchedule.teardownAt(spec, status.getPhase(), finished);
      if (due.isEmpty()) {
        Conditions.set(status, Conditions.TORN_DOWN, false, Reasons.KEPT, "environment in namespace " + model.namespace()
            + " is kept (teardown policy " + spec.getPolicy() + "); deleting the run removes it", generation, now);
        return Optional.empty();
      }
      if (now.isBefore(due.get())) {
        Conditions.set(status, Conditions.TORN_DOWN, false, Reasons.KEPT, "environment in namespace " + model.namespace()
            + " is kept for debugging until " + due.get(), generation, now);
        return Optional.of(Duration.between(now, due.get()));
      }
      return tearDown(run, status, model, context, due.get(), now);
    }
    Optional<Instant> deleteAt = TeardownSchedule.deleteRunAt(spec, finished);
    if (deleteAt.isEmpty()) {
      return Optional.empty();
    }
    if (now.isBefore(deleteAt.get())) {
      return Optional.of(Duration.between(now, deleteAt.get()));
    }
    LOG.info("deleting run {}/{}: ttlSecondsAfterFinished {} passed", run.getMetadata().getNamespace(),
        run.getMetadata().getName(), spec.getTtlSecondsAfterFinished());
    client.resource(run).delete();
    return Optional.empty();
  }

  private Optional<Duration> tearDown(IntegrationTestRun run, IntegrationTestRunStatus status, RunModel model,
      Context<IntegrationTestRun> context, Instant due, Instant now) {
    Long generation = status.getObservedGeneration();
    Teardown.Result result;
    try {
      result = teardown.run(run, context, model);
    } catch (RuntimeException e) {
      metrics.teardownFailed();
      int failures = status.getTeardownFailures() == null ? 1 : status.getTeardownFailures() + 1;
      status.setTeardownFailures(failures);
      String message = "deletion failed (attempt " + failures + ", retried): " + e.getMessage();
      Conditions.set(status, Conditions.TORN_DOWN, false, Reasons.DELETION_FAILED, message, generation, now);
      events.warning(run, Reasons.DELETION_FAILED, message);
      return Optional.of(retryInterval);
    }
    if (result.gone()) {
      Conditions.set(status, Conditions.TORN_DOWN, true, Reasons.TORN_DOWN,
          "namespace " + model.namespace() + " and everything the operator created in it were deleted", generation, now);
      metrics.phaseEnded("Teardown", Duration.between(due, now));
      events.normal(run, Reasons.TORN_DOWN, "environment " + model.namespace() + " deleted");
      return TeardownSchedule.deleteRunAt(model.spec().getTeardown(), Instant.parse(status.getFinishedAt()))
          .map(at -> now.isBefore(at) ? Duration.between(now, at) : Duration.ZERO);
    }
    boolean stuck = RunProgress.overdue(due, model.spec().getTimeouts().getTeardown(), now);
    Conditions.set(status, Conditions.TORN_DOWN, false, stuck ? Reasons.TEARDOWN_STUCK : Reasons.TEARDOWN_IN_PROGRESS,
        (stuck ? "teardown exceeded " + model.spec().getTimeouts().getTeardown() + "; left: " : "deleting; left: ") + result.leftovers(),
        generation, now);
    return Optional.of(retryInterval);
  }
}
