package io.ecap.testenv.operator.status;

import io.ecap.testenv.operator.api.IntegrationTestRunStatus;
import io.ecap.testenv.operator.api.spec.TimeoutsSpec;
import io.ecap.testenv.operator.api.status.ComponentState;
import io.ecap.testenv.operator.api.status.ComponentStatus;
import io.ecap.testenv.operator.api.status.Phase;
import io.ecap.testenv.operator.api.status.SparkJobStatus;
import io.ecap.testenv.operator.api.validation.GoDuration;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.naming.RunNames;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Moves a started run through provisioning: records each component's state and time to ready,
 * fails the run when the cluster breaks a pod, when a component misses its phase's timeout (naming
 * it and why) or when seeding or a Spark job fails, and says when the tests may start.
 */
public final class RunProgress {

  /** Where a run stands after provisioning was looked at. */
  public sealed interface Stage permits Failed, Preparing, Testing {
  }

  public record Failed() implements Stage {
  }

  public record Preparing() implements Stage {
  }

  public record Testing(Instant since) implements Stage {
  }

  private final ProgressListener listener;

  public RunProgress(ProgressListener listener) {
    this.listener = listener;
  }

  public Stage apply(IntegrationTestRunStatus status, RunModel model, RunObjects objects, Instant now) {
    Instant started = Instant.parse(status.getStartedAt());
    Long generation = status.getObservedGeneration();
    TimeoutsSpec timeouts = model.spec().getTimeouts();
    List<ComponentReport> environment = ComponentObserver.environment(model, objects);
    ComponentReport seed = ComponentObserver.seed(objects);
    List<ComponentReport> spark = ComponentObserver.spark(model, objects);
    List<ComponentReport> all = new ArrayList<>(environment);
    all.add(seed);
    all.addAll(spark);
    record(status, all, started, now);
    recordSpark(status, model, objects);

    Optional<String> infrastructure = PodDiagnosis.infrastructureFailure(objects.pods());
    if (infrastructure.isPresent()) {
      fail(status, Reasons.INFRASTRUCTURE_FAILURE, infrastructure.get(), now);
      return new Failed();
    }
    if (status.getEnvironmentReadyAt() == null) {
      List<ComponentReport> waiting = environment.stream().filter(c -> !c.ready()).toList();
      if (waiting.isEmpty()) {
        status.setEnvironmentReadyAt(now.toString());
        Conditions.set(status, Conditions.ENVIRONMENT_READY, true, "AllComponentsReady",
            "PostgreSQL, Redis, Kafka, its topics and " + model.spec().getPlatform().getServices().size() + " platform service(s) are ready",
            generation, now);
        listener.phaseEnded("Environment", Duration.between(started, now));
      } else if (overdue(started, timeouts.getEnvironment(), now)) {
        fail(status, Reasons.ENVIRONMENT_NOT_READY, "environment not ready after " + timeouts.getEnvironment() + ": " + describe(waiting), now);
        return new Failed();
      } else {
        Conditions.set(status, Conditions.ENVIRONMENT_READY, false, Reasons.PROVISIONING, "waiting for " + describe(waiting), generation, now);
        StatusTransitions.progressing(status, Phase.Provisioning, Reasons.PROVISIONING, "waiting for " + names(waiting));
        return new Preparing();
      }
    }
    Instant environmentReady = Instant.parse(status.getEnvironmentReadyAt());
    if (seed.failed()) {
      fail(status, Reasons.ENVIRONMENT_NOT_READY, seed.describe(), now);
      return new Failed();
    }
    if (!seed.ready()) {
      if (overdue(environmentReady, timeouts.getSeeding(), now)) {
        fail(status, Reasons.ENVIRONMENT_NOT_READY, "seed not complete after " + timeouts.getSeeding() + ": " + seed.message(), now);
        return new Failed();
      }
      StatusTransitions.progressing(status, Phase.Provisioning, Reasons.SEEDING, "seeding the " + model.spec().getProfile().name().toLowerCase() + " dataset");
      return new Preparing();
    }
    Instant seeded = readyAt(status, ComponentObserver.SEED, started).orElse(now);
    Optional<ComponentReport> sparkFailure = spark.stream().filter(ComponentReport::failed).findFirst();
    if (sparkFailure.isPresent()) {
      fail(status, Reasons.ENVIRONMENT_NOT_READY, sparkFailure.get().describe(), now);
      return new Failed();
    }
    List<ComponentReport> sparkWaiting = spark.stream().filter(c -> !c.ready()).toList();
    if (!sparkWaiting.isEmpty()) {
      if (overdue(seeded, timeouts.getSparkJobs(), now)) {
        fail(status, Reasons.ENVIRONMENT_NOT_READY, "Spark jobs not finished after " + timeouts.getSparkJobs() + ": " + describe(sparkWaiting), now);
        return new Failed();
      }
      StatusTransitions.progressing(status, Phase.Provisioning, Reasons.RUNNING_SPARK_JOBS, "running " + names(sparkWaiting));
      return new Preparing();
    }
    Instant testsStart = spark.stream().map(c -> readyAt(status, c.name(), started).orElse(seeded)).max(Instant::compareTo).orElse(seeded);
    if (status.getPhase() != Phase.Testing) {
      listener.phaseEnded("Provisioning", Duration.between(started, testsStart));
      Conditions.set(status, Conditions.TESTS_COMPLETED, false, Reasons.TESTING,
          model.spec().getTests().getParallelism() + " shard(s) running " + model.spec().getTests().getSuites().size() + " suite(s)",
          generation, now);
    }
    StatusTransitions.progressing(status, Phase.Testing, Reasons.TESTING, "running the suites");
    return new Testing(testsStart);
  }

  /** Fails the run; the environment condition says why when the environment was at fault. */
  public static void fail(IntegrationTestRunStatus status, String reason, String message, Instant now) {
    if (status.getEnvironmentReadyAt() == null || Reasons.ENVIRONMENT_NOT_READY.equals(reason) || Reasons.INFRASTRUCTURE_FAILURE.equals(reason)) {
      Conditions.set(status, Conditions.ENVIRONMENT_READY, false, reason, message, status.getObservedGeneration(), now);
    }
    StatusTransitions.finished(status, Phase.Failed, reason, message, now);
  }

  public static boolean overdue(Instant since, String timeout, Instant now) {
    return now.isAfter(since.plus(GoDuration.parse(timeout)));
  }

  private void record(IntegrationTestRunStatus status, List<ComponentReport> reports, Instant started, Instant now) {
    Map<String, ComponentStatus> previous = status.getComponents() == null ? Map.of()
        : status.getComponents().stream().collect(Collectors.toMap(ComponentStatus::getName, Function.identity(), (a, b) -> a));
    List<ComponentStatus> components = new ArrayList<>();
    for (ComponentReport report : reports) {
      ComponentStatus before = previous.get(report.name());
      Double readySeconds = before == null ? null : before.getReadySeconds();
      ComponentState state = report.state();
      if (readySeconds != null && state != ComponentState.Failed) {
        state = ComponentState.Ready; // once ready, a component stays so in the record (a finished job's pods may go)
      }
      if (state == ComponentState.Ready && readySeconds == null) {
        Duration took = Duration.between(started, now);
        readySeconds = took.toMillis() / 1000.0;
        listener.componentReady(report.name(), took);
      }
      components.add(new ComponentStatus(report.name(), state, state == ComponentState.Ready ? null : report.message(), readySeconds));
    }
    status.setComponents(components);
  }

  private static void recordSpark(IntegrationTestRunStatus status, RunModel model, RunObjects objects) {
    List<SparkJobStatus> jobs = new ArrayList<>();
    for (var job : model.spec().getSpark().getJobs()) {
      SparkJobStatus entry = new SparkJobStatus();
      entry.setName(job.getName());
      String driverName = RunNames.sparkDriverPod(job.getName());
      entry.setDriverPod(driverName);
      Optional<Pod> driver = objects.pod(driverName);
      entry.setState(driver.map(Readiness::podPhase).orElse("Pending"));
      driver.flatMap(RunProgress::runSeconds).ifPresent(entry::setDurationSeconds);
      if ("Failed".equals(entry.getState())) {
        entry.setMessage(PodDiagnosis.describe(driver.get()));
      }
      jobs.add(entry);
    }
    status.setSparkJobs(jobs.isEmpty() ? null : jobs);
  }

  private static Optional<Double> runSeconds(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getStartTime() == null || pod.getStatus().getContainerStatuses() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getContainerStatuses().stream()
        .filter(c -> c.getState() != null && c.getState().getTerminated() != null && c.getState().getTerminated().getFinishedAt() != null)
        .map(c -> Duration.between(Instant.parse(pod.getStatus().getStartTime()), Instant.parse(c.getState().getTerminated().getFinishedAt())).toMillis() / 1000.0)
        .findFirst();
  }

  private static Optional<Instant> readyAt(IntegrationTestRunStatus status, String component, Instant started) {
    return status.getComponents().stream().filter(c -> component.equals(c.getName()) && c.getReadySeconds() != null).findFirst()
        .map(c -> started.plusMillis(Math.round(c.getReadySeconds() * 1000)));
  }

  private static String describe(List<ComponentReport> reports) {
    return reports.stream().map(ComponentReport::describe).collect(Collectors.joining("; "));
  }

  private static String names(List<ComponentReport> reports) {
    return reports.stream().map(ComponentReport::name).collect(Collectors.joining(", "));
  }
}
