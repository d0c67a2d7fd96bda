package io.ecap.testenv.operator;

import io.ecap.testenv.operator.api.validation.RunValidator;
import io.ecap.testenv.operator.config.OperatorSettings;
import io.ecap.testenv.operator.dependents.EnvironmentWorkflow;
import io.ecap.testenv.operator.metrics.OperatorMetrics;
import io.ecap.testenv.operator.model.RunModels;
import io.ecap.testenv.operator.reconciler.Admission;
import io.ecap.testenv.operator.reconciler.DiagnosticsCollector;
import io.ecap.testenv.operator.reconciler.FinishedRuns;
import io.ecap.testenv.operator.reconciler.IntegrationTestRunReconciler;
import io.ecap.testenv.operator.reconciler.RunEvents;
import io.ecap.testenv.operator.reconciler.Teardown;
import io.ecap.testenv.operator.results.ShardSummaryReader;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** Wires the operator: one place where every class gets what it uses, for Main, the tests and the benchmark alike. */
public final class OperatorFactory {

  private OperatorFactory() {
  }

  public static Operator create(KubernetesClient client, OperatorSettings settings, MeterRegistry registry, Clock clock) {
    RunModels models = new RunModels(RunValidator.forGeneratedCrd(), settings);
    OperatorMetrics metrics = new OperatorMetrics(registry);
    EnvironmentWorkflow environment = new EnvironmentWorkflow(models);
    Teardown teardown = new Teardown(client, environment.workflow());
    DiagnosticsCollector diagnostics = new DiagnosticsCollector(client, settings.logLinesPerPod(), settings.logBytesPerPod());
    RunEvents events = new RunEvents(client);
    FinishedRuns finishedRuns = new FinishedRuns(client, teardown, diagnostics, metrics, events, settings.retryInitialInterval());
    IntegrationTestRunReconciler reconciler = new IntegrationTestRunReconciler(models, environment,
        new Admission(settings.maxConcurrentRuns()), new ShardSummaryReader(client), finishedRuns, teardown, diagnostics,
        metrics, events, clock);
    Operator operator = new Operator(o -> {
      o.withKubernetesClient(client)
          .withCloseClientOnStop(false)
          // Create/patch without server-side apply: simpler matching, and what the CRUD mock server supports.
          .withSSABasedCreateUpdateMatchForDependentResources(false)
          .withUseSSAToPatchPrimaryResource(false)
          .withMetrics(MicrometerMetrics.newPerResourceCollectingMicrometerMetricsBuilder(registry).build());
      if (!settings.leaseName().isBlank()) {
        o.withLeaderElectionConfiguration(new LeaderElectionConfiguration(settings.leaseName(), settings.operatorNamespace()));
      }
    });
    operator.register(reconciler, config -> {
      config.withRetry(new GenericRetry().setInitialInterval(settings.retryInitialInterval())
          .setMaxAttempts(settings.retryMaxAttempts()).setIntervalMultiplier(1.5));
      if (settings.watchedNamespaces().isEmpty()) {
        config.watchingAllNamespaces();
      } else {
        config.settingNamespaces(settings.watchedNamespaces());
      }
    });
    return operator;
  }
}
