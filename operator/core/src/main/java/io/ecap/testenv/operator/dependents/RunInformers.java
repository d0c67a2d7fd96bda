package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.model.RunLabels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * Informers over run environments: all namespaces (each run has its own, made at run time),
 * narrowed by label to what the operator manages, one component each.
 */
public final class RunInformers {

  public static final String PODS = "run-pods";

  private RunInformers() {
  }

  public static <R extends HasMetadata> InformerEventSource<R, IntegrationTestRun> forComponent(
      Class<R> type, String component, String name, EventSourceContext<IntegrationTestRun> context) {
    return create(type, RunLabels.selector(component), name, context);
  }

  /** Every pod of every run (platform, infrastructure, jobs, Spark drivers and executors): for failures, logs and footprint. */
  public static InformerEventSource<Pod, IntegrationTestRun> pods(EventSourceContext<IntegrationTestRun> context) {
    return create(Pod.class, RunLabels.MANAGED_BY + "=" + RunLabels.MANAGED_BY_VALUE, PODS, context);
  }

  private static <R extends HasMetadata> InformerEventSource<R, IntegrationTestRun> create(
      Class<R> type, String selector, String name, EventSourceContext<IntegrationTestRun> context) {
    InformerEventSourceConfiguration<R> configuration = InformerEventSourceConfiguration
        .from(type, IntegrationTestRun.class)
        .withName(name)
        .withLabelSelector(selector)
        .withWatchAllNamespaces()
        .withSecondaryToPrimaryMapper(new RunMapper<>())
        .build();
    return new InformerEventSource<>(configuration, context);
  }
}
