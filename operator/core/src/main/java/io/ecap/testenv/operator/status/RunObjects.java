package io.ecap.testenv.operator.status;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.manifests.strimzi.KafkaTopicV1;
import io.ecap.testenv.operator.manifests.strimzi.KafkaV1;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.List;
import java.util.Optional;

/** The run's objects as the informers last saw them, one snapshot per reconcile. */
public record RunObjects(List<StatefulSet> statefulSets, List<KafkaV1> kafkas, List<KafkaTopicV1> topics,
    List<Deployment> deployments, List<Job> jobs, List<Pod> pods) {

  public static RunObjects from(Context<IntegrationTestRun> context, String namespace) {
    return new RunObjects(
        in(context, StatefulSet.class, namespace),
        in(context, KafkaV1.class, namespace),
        in(context, KafkaTopicV1.class, namespace),
        in(context, Deployment.class, namespace),
        in(context, Job.class, namespace),
        in(context, Pod.class, namespace));
  }

  public Optional<StatefulSet> statefulSet(String name) {
    return named(statefulSets, name);
  }

  public Optional<Job> job(String name) {
    return named(jobs, name);
  }

  public Optional<Pod> pod(String name) {
    return named(pods, name);
  }

  /** Pods whose {@code app.kubernetes.io/name} label is the given workload's. */
  public List<Pod> podsOf(String workload) {
    return pods.stream().filter(p -> p.getMetadata().getLabels() != null
        && workload.equals(p.getMetadata().getLabels().get("app.kubernetes.io/name"))).toList();
  }

  private static <R extends HasMetadata> Optional<R> named(List<R> objects, String name) {
    return objects.stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
  }

  private static <R extends HasMetadata> List<R> in(Context<IntegrationTestRun> context, Class<R> type, String namespace) {
    return context.getSecondaryResourcesAsStream(type)
        .filter(r -> namespace.equals(r.getMetadata().getNamespace()))
        .distinct()
        .toList();
  }
}
