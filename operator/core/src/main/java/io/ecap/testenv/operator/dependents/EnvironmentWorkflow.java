package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.api.spec.SparkJobSpec;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.ecap.testenv.operator.status.Readiness;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceUtils;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Workflow;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowBuilder;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * The run's dependency graph as a JOSDK workflow: namespace, then its guard rails (credentials,
 * isolation, quota, identities, services), then infrastructure (PostgreSQL, Redis, Kafka node pool,
 * cluster, topics) and the lake's volume claim, then the platform services once all of it is ready,
 * then seeding once they are, then the Spark jobs in order, then the test runner. Cleanup deletes it
 * all in reverse, the namespace last.
 */
public final class EnvironmentWorkflow {

  private final RunNamespaceDependent namespace;
  private final List<RunDependent<?>> all = new ArrayList<>();
  private final Workflow<IntegrationTestRun> workflow;

  public EnvironmentWorkflow(RunModels models) {
    namespace = new RunNamespaceDependent(models);
    var secret = new CredentialsSecretDependent(models);
    var networkPolicy = new NetworkPolicyDependent(models);
    var quota = new ResourceQuotaDependent(models);
    var limits = new LimitRangeDependent(models);
    var serviceAccounts = new ServiceAccountDependent(models);
    var roles = new RoleDependent(models);
    var roleBindings = new RoleBindingDependent(models);
    var services = new ServiceDependent(models);
    var postgres = new PostgresStatefulSetDependent(models);
    var redis = new RedisStatefulSetDependent(models);
    var nodePool = new KafkaNodePoolDependent(models);
    var kafka = new KafkaClusterDependent(models);
    var topics = new KafkaTopicDependent(models);
    var lake = new LakeClaimDependent(models);
    var deployments = new PlatformDeploymentDependent(models);
    var seed = new SeedJobDependent(models);
    var spark = new SparkSubmitJobDependent(models);
    var runner = new TestRunnerJobDependent(models);
    all.addAll(List.of(namespace, secret, networkPolicy, quota, limits, serviceAccounts, roles, roleBindings, services,
        postgres, redis, nodePool, kafka, topics, lake, deployments, seed, spark, runner));

    Condition<Object, IntegrationTestRun> postgresReady = single(postgres, s -> Readiness.ready((io.fabric8.kubernetes.api.model.apps.StatefulSet) s));
    Condition<Object, IntegrationTestRun> redisReady = single(redis, s -> Readiness.ready((io.fabric8.kubernetes.api.model.apps.StatefulSet) s));
    Condition<Object, IntegrationTestRun> kafkaReady = single(kafka, k -> Readiness.strimziReady(
        ((io.ecap.testenv.operator.manifests.strimzi.KafkaV1) k).getStatus() == null ? null
            : ((io.ecap.testenv.operator.manifests.strimzi.KafkaV1) k).getStatus().getConditions()));
    Condition<Object, IntegrationTestRun> topicsReady = bulk(topics, t -> Readiness.strimziReady(
        ((io.ecap.testenv.operator.manifests.strimzi.KafkaTopicV1) t).getStatus() == null ? null
            : ((io.ecap.testenv.operator.manifests.strimzi.KafkaTopicV1) t).getStatus().getConditions()));
    Condition<Object, IntegrationTestRun> servicesReady = bulk(deployments, d -> Readiness.ready((io.fabric8.kubernetes.api.model.apps.Deployment) d));
    Condition<Object, IntegrationTestRun> seeded = single(seed, j -> Readiness.succeeded((io.fabric8.kubernetes.api.model.batch.v1.Job) j));
    Condition<Object, IntegrationTestRun> sparkDone = (dependent, run, context) -> sparkDone(models.of(run), context);

    workflow = new WorkflowBuilder<IntegrationTestRun>()
        .addDependentResource(namespace)
        .addDependentResourceAndConfigure(secret).dependsOn(namespace)
        .addDependentResourceAndConfigure(networkPolicy).dependsOn(namespace)
        .addDependentResourceAndConfigure(quota).dependsOn(namespace)
        .addDependentResourceAndConfigure(limits).dependsOn(namespace)
        .addDependentResourceAndConfigure(serviceAccounts).dependsOn(namespace)
        .addDependentResourceAndConfigure(roles).dependsOn(namespace)
        .addDependentResourceAndConfigure(roleBindings).dependsOn(serviceAccounts, roles)
        .addDependentResourceAndConfigure(services).dependsOn(namespace)
        .addDependentResourceAndConfigure(postgres).dependsOn(secret, quota, limits, networkPolicy).withReadyPostcondition(postgresReady)
        .addDependentResourceAndConfigure(redis).dependsOn(secret, quota, limits, networkPolicy).withReadyPostcondition(redisReady)
        .addDependentResourceAndConfigure(nodePool).dependsOn(quota, limits, networkPolicy)
        .addDependentResourceAndConfigure(kafka).dependsOn(nodePool).withReadyPostcondition(kafkaReady)
        .addDependentResourceAndConfigure(topics).dependsOn(kafka).withReadyPostcondition(topicsReady)
        // No ready condition on the lake: with a WaitForFirstConsumer storage class (kind's local-path, most cloud
        // defaults) a claim stays Pending until a pod that mounts it is scheduled, so waiting for Bound would wait
        // forever. The pods that mount it wait for the volume themselves; a claim that never binds shows in those
        // pods' "Pending (Unschedulable: ...)" in the run's status and diagnostics.
        .addDependentResourceAndConfigure(lake).dependsOn(quota)
        .addDependentResourceAndConfigure(deployments).dependsOn(postgres, redis, topics, services, lake).withReadyPostcondition(servicesReady)
        .addDependentResourceAndConfigure(seed).dependsOn(deployments, lake).withReadyPostcondition(seeded)
        .addDependentResourceAndConfigure(spark).dependsOn(seed, roleBindings).withReadyPostcondition(sparkDone)
        .addDependentResourceAndConfigure(runner).dependsOn(spark, roleBindings)
        .build();
  }

  public Workflow<IntegrationTestRun> workflow() {
    return workflow;
  }

  /** Every dependent of the workflow, in creation order. */
  public List<RunDependent<?>> dependents() {
    return List.copyOf(all);
  }

  /** Every dependent's informer plus the one over the runs' pods (Spark drivers, runner shards, failures). */
  public List<EventSource<?, IntegrationTestRun>> eventSources(EventSourceContext<IntegrationTestRun> context) {
    List<EventSource<?, IntegrationTestRun>> sources = new ArrayList<>(
        EventSourceUtils.dependentEventSources(context, all.toArray(new RunDependent<?>[0])));
    sources.add(RunInformers.pods(context));
    return sources;
  }

  private static boolean sparkDone(RunModel model, Context<IntegrationTestRun> context) {
    for (SparkJobSpec job : model.spec().getSpark().getJobs()) {
      if (!"Succeeded".equals(Readiness.podPhase(SparkSubmitJobDependent.driver(model, job, context)))) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Condition<Object, IntegrationTestRun> single(SingleRunDependent<?> dependent, Predicate<Object> ready) {
    return (d, run, context) -> {
      java.util.Optional<Object> actual = ((SingleRunDependent) dependent).getSecondaryResource(run, context);
      return actual.isPresent() && ready.test(actual.get());
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Condition<Object, IntegrationTestRun> bulk(BulkRunDependent<?> dependent, Predicate<Object> ready) {
    return (d, run, context) -> {
      Collection<? extends HasMetadata> actual = ((BulkRunDependent) dependent).getSecondaryResources(run, context).values();
      int desired = ((BulkRunDependent) dependent).desiredResources(run, context).size();
      return actual.size() >= desired && actual.stream().allMatch(ready::test);
    };
  }
}
