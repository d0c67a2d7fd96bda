package io.ecap.testenv.operator.reconciler;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.api.IntegrationTestRunStatus;
import io.ecap.testenv.operator.api.status.Phase;
import io.ecap.testenv.operator.dependents.EnvironmentWorkflow;
import io.ecap.testenv.operator.manifests.TestRunnerJobManifest;
import io.ecap.testenv.operator.metrics.OperatorMetrics;
import io.ecap.testenv.operator.model.InvalidSpecException;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.ecap.testenv.operator.naming.RunNames;
import io.ecap.testenv.operator.results.FootprintCalculator;
import io.ecap.testenv.operator.results.ResultsJudge;
import io.ecap.testenv.operator.results.ShardSummaryReader;
import io.ecap.testenv.operator.status.Conditions;
import io.ecap.testenv.operator.status.Readiness;
import io.ecap.testenv.operator.status.Reasons;
import io.ecap.testenv.operator.status.RunObjects;
import io.ecap.testenv.operator.status.RunProgress;
import io.ecap.testenv.operator.status.StatusTransitions;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The run's lifecycle, kept thin: validate, queue or admit, reconcile the environment workflow,
 * let {@link RunProgress} and {@link ResultsJudge} write the status, and hand finished runs to
 * {@link FinishedRuns}. Every decision is recomputed from the cluster and the status, so an
 * operator restarted at any point carries on where the last one stopped.
 */
@ControllerConfiguration(name = IntegrationTestRunReconciler.NAME, generationAwareEventProcessing = false)
public class IntegrationTestRunReconciler implements Reconciler<IntegrationTestRun>, Cleaner<IntegrationTestRun> {

  public static final String NAME = "integrationtestrun";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RunModels models;
  private final EnvironmentWorkflow environment;
  private final Admission admission;
  private final RunProgress progress;
  private final ShardSummaryReader shards;
  private final FinishedRuns finishedRuns;
  private final Teardown teardown;
  private final DiagnosticsCollector diagnostics;
  private final OperatorMetrics metrics;
  private final RunEvents events;
  private final Clock clock;

  public IntegrationTestRunReconciler(RunModels models, EnvironmentWorkflow environment, Admission admission,
      ShardSummaryReader shards, FinishedRuns finishedRuns, Teardown teardown, DiagnosticsCollector diagnostics,
      OperatorMetrics metrics, RunEvents events, Clock clock) {
    this.models = models;
    this.environment = environment;
    this.admission = admission;
    this.progress = new RunProgress(metrics);
    this.shards = shards;
    this.finishedRuns = finishedRuns;
    this.teardown = teardown;
    this.diagnostics = diagnostics;
    this.metrics = metrics;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, IntegrationTestRun>> prepareEventSources(EventSourceContext<IntegrationTestRun> context) {
    return environment.eventSources(context);
  }

  @Override
  public UpdateControl<IntegrationTestRun> reconcile(IntegrationTestRun run, Context<IntegrationTestRun> context) {
    Instant now = clock.instant();
    IntegrationTestRunStatus before = copy(run.getStatus());
    IntegrationTestRunStatus status = copy(run.getStatus());
    status.setObservedGeneration(run.getMetadata().getGeneration());
    Optional<Duration> again = step(run, status, context, now);
    metrics.observed(run.getMetadata().getUid(), status.getPhase(), status.getReason());
    UpdateControl<IntegrationTestRun> control;
    if (JSON.valueToTree(status).equals(JSON.valueToTree(before))) {
      control = UpdateControl.noUpdate();
    } else {
      IntegrationTestRun patch = new IntegrationTestRun();
      patch.setMetadata(run.getMetadata());
      patch.setStatus(status);
      control = UpdateControl.patchStatus(patch);
    }
    again.ifPresent(delay -> control.rescheduleAfter(delay.isZero() ? Duration.ofMillis(1) : delay));
    return control;
  }

  private Optional<Duration> step(IntegrationTestRun run, IntegrationTestRunStatus status, Context<IntegrationTestRun> context, Instant now) {
    RunModel model;
    try {
      model = models.of(run);
    } catch (InvalidSpecException invalid) {
      return rejected(run, status, invalid, context, now);
    }
    if (status.getPhase() != null && status.getPhase().isFinal()) {
      return finishedRuns.handle(run, status, model, context, now);
    }
    Optional<Integer> queued = admission.admit(run, context.getPrimaryCache().list().toList());
    if (queued.isPresent()) {
      StatusTransitions.queued(status, "waiting for a free slot: " + admission.inUse() + " of " + admission.limit()
          + " runs in progress; position " + queued.get() + " in the queue");
      return Optional.of(models.settings().queueRecheckInterval());
    }
    if (status.getStartedAt() == null) {
      StatusTransitions.started(status, model.namespace(), now);
      events.normal(run, "Started", "provisioning the environment in namespace " + model.namespace());
    }
    environment.workflow().reconcile(run, context).throwAggregateExceptionIfErrorsPresent();
    RunObjects objects = RunObjects.from(context, model.namespace());
    RunProgress.Stage stage = progress.apply(status, model, objects, now);
    if (stage instanceof RunProgress.Testing testing) {
      judgeTests(status, model, objects, testing.since(), now);
    }
    if (status.getPhase().isFinal()) {
      return finished(run, status, objects, now);
    }
    return Optional.of(models.settings().pollInterval());
  }

  private void judgeTests(IntegrationTestRunStatus status, RunModel model, RunObjects objects, Instant since, Instant now) {
    Optional<Job> runner = objects.job(RunNames.RUNNER_JOB);
    boolean done = runner.map(job -> Readiness.succeeded(job) || Readiness.failed(job)).orElse(false);
    Duration limit = io.ecap.testenv.operator.api.validation.GoDuration.parse(model.spec().getTests().getTimeout())
        .plusSeconds(TestRunnerJobManifest.GRACE_SECONDS);
    boolean timedOut = now.isAfter(since.plus(limit));
    if (!done && !timedOut) {
      var report = shards.read(model, objects.pods());
      if (!report.complete()) {
        return;
      }
    }
    ResultsJudge.judge(status, model, shards.read(model, objects.pods()), timedOut && !done, now);
    metrics.phaseEnded("Testing", Duration.between(since, now));
  }

  private Optional<Duration> finished(IntegrationTestRun run, IntegrationTestRunStatus status, RunObjects objects, Instant now) {
    status.setFootprint(FootprintCalculator.of(objects.pods(), now));
    admission.release(run);
    metrics.finished(status.getPhase(), status.getReason());
    if (status.getPhase() == Phase.Failed) {
      events.warning(run, status.getReason(), status.getMessage());
    } else {
      events.normal(run, status.getReason(), status.getMessage());
    }
    // the next reconcile (right away) collects diagnostics and tears down, on the status written now
    return Optional.of(Duration.ZERO);
  }

  private Optional<Duration> rejected(IntegrationTestRun run, IntegrationTestRunStatus status, InvalidSpecException invalid,
      Context<IntegrationTestRun> context, Instant now) {
    if (status.getPhase() != Phase.Failed || !Reasons.INVALID_SPEC.equals(status.getReason())) {
      events.warning(run, Reasons.INVALID_SPEC, invalid.getMessage());
      Conditions.set(status, Conditions.ENVIRONMENT_READY, false, Reasons.INVALID_SPEC, invalid.getMessage(), status.getObservedGeneration(), now);
      StatusTransitions.finished(status, Phase.Failed, Reasons.INVALID_SPEC, invalid.getMessage(), now);
      metrics.finished(Phase.Failed, Reasons.INVALID_SPEC);
    }
    return finishedRuns.handle(run, status, null, context, now);
  }

  @Override
  public DeleteControl cleanup(IntegrationTestRun run, Context<IntegrationTestRun> context) {
    RunModel model;
    try {
      model = models.of(run);
    } catch (InvalidSpecException invalid) {
      forget(run);
      return DeleteControl.defaultDelete();
    }
    Teardown.Result result;
    try {
      result = teardown.run(run, context, model);
    } catch (RuntimeException e) {
      metrics.teardownFailed();
      events.warning(run, Reasons.DELETION_FAILED, "deletion failed, retried: " + e.getMessage());
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(models.settings().retryInitialInterval());
    }
    if (!result.gone()) {
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(models.settings().pollInterval());
    }
    diagnostics.delete(run, model);
    forget(run);
    return DeleteControl.defaultDelete();
  }

  private void forget(IntegrationTestRun run) {
    admission.release(run);
    metrics.forget(run.getMetadata().getUid());
    models.forget(run);
  }

  private static IntegrationTestRunStatus copy(IntegrationTestRunStatus status) {
    return status == null ? new IntegrationTestRunStatus() : JSON.convertValue(status, IntegrationTestRunStatus.class);
  }
}
