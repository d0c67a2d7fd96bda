package io.ecap.testenv.operator.reconciler;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.manifests.strimzi.KafkaNodePoolV1;
import io.ecap.testenv.operator.manifests.strimzi.KafkaTopicV1;
import io.ecap.testenv.operator.manifests.strimzi.KafkaV1;
import io.ecap.testenv.operator.model.RunLabels;
import io.ecap.testenv.operator.model.RunModel;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes a run's environment: first what others made in it for the run (runner and Spark pods,
 * the results ConfigMaps), then everything the operator created, in the workflow's reverse order,
 * the namespace last. Says what is left, and which finalizers hold it, while the namespace remains.
 */
public final class Teardown {

  private static final List<Class<? extends HasMetadata>> KINDS = List.of(Pod.class, Job.class, Deployment.class,
      StatefulSet.class, PersistentVolumeClaim.class, KafkaTopicV1.class, KafkaV1.class, KafkaNodePoolV1.class, Service.class,
      Secret.class, ConfigMap.class);

  private final KubernetesClient client;
  private final Workflow<IntegrationTestRun> workflow;

  public Teardown(KubernetesClient client, Workflow<IntegrationTestRun> workflow) {
    this.client = client;
    this.workflow = workflow;
  }

  /** What remains after this attempt: nothing when the namespace is gone. */
  public record Result(boolean gone, String leftovers) {
  }

  /** @throws RuntimeException when a deletion failed; the caller counts it and retries */
  public Result run(IntegrationTestRun run, Context<IntegrationTestRun> context, RunModel model) {
    String namespace = model.namespace();
    sweep(namespace, model);
    workflow.cleanup(run, context).throwAggregateExceptionIfErrorsPresent();
    // pods a controller recreated while its workload was still being deleted
    sweep(namespace, model);
    Namespace left = client.namespaces().withName(namespace).get();
    if (left == null) {
      return new Result(true, "");
    }
    return new Result(false, describe(left));
  }

  private void sweep(String namespace, RunModel model) {
    client.pods().inNamespace(namespace).withLabel(RunLabels.MANAGED_BY, RunLabels.MANAGED_BY_VALUE).delete();
    client.configMaps().inNamespace(namespace).withLabel(RunLabels.RUN, model.names().runLabel()).delete();
  }

  private String describe(Namespace namespace) {
    List<String> parts = new ArrayList<>();
    String name = namespace.getMetadata().getName();
    parts.add("namespace " + name + (namespace.getStatus() == null ? "" : " is " + namespace.getStatus().getPhase())
        + finalizers(namespace));
    if (namespace.getStatus() != null && namespace.getStatus().getConditions() != null) {
      namespace.getStatus().getConditions().stream().filter(c -> "True".equals(c.getStatus()))
          .forEach(c -> parts.add(c.getType() + ": " + c.getMessage()));
    }
    for (Class<? extends HasMetadata> kind : KINDS) {
      for (HasMetadata object : client.resources(kind).inNamespace(name).list().getItems()) {
        parts.add(object.getKind() + "/" + object.getMetadata().getName() + finalizers(object));
      }
    }
    return String.join("; ", parts);
  }

  private static String finalizers(HasMetadata object) {
    List<String> finalizers = object.getMetadata().getFinalizers();
    String deleting = object.getMetadata().getDeletionTimestamp() == null ? "" : " (deleting)";
    return deleting + (finalizers == null || finalizers.isEmpty() ? "" : " held by finalizers " + finalizers);
  }
}
