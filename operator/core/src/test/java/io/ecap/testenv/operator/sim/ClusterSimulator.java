package io.ecap.testenv.operator.sim;

import io.ecap.testenv.operator.api.results.SummaryCodec;
import io.ecap.testenv.operator.manifests.TestRunnerJobManifest;
import io.ecap.testenv.operator.manifests.strimzi.KafkaTopicV1;
import io.ecap.testenv.operator.manifests.strimzi.KafkaV1;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunLabels;
import io.ecap.testenv.operator.results.ShardSummaryReader;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.strimzi.api.kafka.model.common.ConditionBuilder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays kubelet and the other controllers on the CRUD mock server, which has none: marks
 * StatefulSets and Deployments ready (with a running pod each), sets Strimzi's Ready condition,
 * completes the seeding job, runs each Spark driver pod (made from the --conf flags, as spark-submit
 * would) to completion, and runs the runner's shards: a terminated pod per index with the summary as
 * termination message, and the results ConfigMap.
 */
public final class ClusterSimulator implements AutoCloseable {

  private static final String MANAGED = RunLabels.MANAGED_BY + "=" + RunLabels.MANAGED_BY_VALUE;
  private static final String DRIVER_CLAIMS = "spark.kubernetes.driver.volumes.persistentVolumeClaim.";

  private final KubernetesClient client;
  private final Behaviour behaviour;
  /** Objects (by uid) the simulator has finished with, so a tick only touches what changed. */
  private final java.util.Set<String> done = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "cluster-simulator");
    thread.setDaemon(true);
    return thread;
  });

  public ClusterSimulator(KubernetesClient client, Behaviour behaviour) {
    this.client = client;
    this.behaviour = behaviour;
  }

  public ClusterSimulator start(long periodMillis) {
    executor.scheduleWithFixedDelay(this::tickSafely, 0, periodMillis, TimeUnit.MILLISECONDS);
    return this;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private void tickSafely() {
    try {
      if (behaviour.active) {
        tick();
      }
    } catch (RuntimeException e) {
      // a conflict with the operator or a vanished namespace: the next tick tries again
    }
  }

  void tick() {
    for (StatefulSet set : client.apps().statefulSets().inAnyNamespace().withLabel(MANAGED).list().getItems()) {
      String name = set.getMetadata().getName();
      if (done.contains(set.getMetadata().getUid())) {
        continue;
      }
      ensurePod(set, name + "-0", set.getSpec().getTemplate(), !behaviour.neverReady.contains(name));
      if (!behaviour.neverReady.contains(name) && (set.getStatus() == null || set.getStatus().getReadyReplicas() == null)) {
        set.setStatus(new io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder()
            .withReplicas(set.getSpec().getReplicas()).withReadyReplicas(set.getSpec().getReplicas()).build());
        client.resource(set).updateStatus();
        done.add(set.getMetadata().getUid());
      }
    }
    for (Deployment deployment : client.apps().deployments().inAnyNamespace().withLabel(MANAGED).list().getItems()) {
      String name = deployment.getMetadata().getName();
      if (done.contains(deployment.getMetadata().getUid())) {
        continue;
      }
      ensurePod(deployment, name + "-7d4b9-x1", deployment.getSpec().getTemplate(), !behaviour.neverReady.contains(name));
      if (!behaviour.neverReady.contains(name) && (deployment.getStatus() == null || deployment.getStatus().getReadyReplicas() == null)) {
        deployment.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
            .withReplicas(deployment.getSpec().getReplicas()).withReadyReplicas(deployment.getSpec().getReplicas()).build());
        client.resource(deployment).updateStatus();
        done.add(deployment.getMetadata().getUid());
      }
    }
    for (KafkaV1 kafka : client.resources(KafkaV1.class).inAnyNamespace().list().getItems()) {
      if (!behaviour.neverReady.contains("kafka") && kafka.getStatus() == null) {
        kafka.setStatus(new io.strimzi.api.kafka.model.kafka.KafkaStatusBuilder()
            .withConditions(new ConditionBuilder().withType("Ready").withStatus("True").build()).build());
        client.resource(kafka).updateStatus();
      }
    }
    for (KafkaTopicV1 topic : client.resources(KafkaTopicV1.class).inAnyNamespace().list().getItems()) {
      if (!behaviour.neverReady.contains("kafka-topics") && topic.getStatus() == null) {
        topic.setStatus(new io.strimzi.api.kafka.model.topic.KafkaTopicStatusBuilder()
            .withConditions(new ConditionBuilder().withType("Ready").withStatus("True").build()).build());
        client.resource(topic).updateStatus();
      }
    }
    for (Job job : client.batch().v1().jobs().inAnyNamespace().withLabel(MANAGED).list().getItems()) {
      if (job.getStatus() != null && job.getStatus().getConditions() != null && !job.getStatus().getConditions().isEmpty()) {
        continue;
      }
      String component = job.getMetadata().getLabels().get(RunLabels.COMPONENT);
      switch (component) {
        case Component.SEED -> finishJob(job, !behaviour.failing.contains("seed"), behaviour.neverReady.contains("seed"));
        case Component.SPARK_SUBMIT -> submitSpark(job);
        case Component.TEST_RUNNER -> runShards(job);
        default -> { }
      }
    }
    advanceDrivers();
  }

  private void finishJob(Job job, boolean success, boolean hang) {
    if (hang) {
      return;
    }
    job.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder()
        .withSucceeded(success ? 1 : 0).withFailed(success ? 0 : 1)
        .withConditions(new JobConditionBuilder().withType(success ? "Complete" : "Failed").withStatus("True")
            .withReason(success ? "Completed" : "BackoffLimitExceeded").withMessage(success ? "" : "Job has reached the specified backoff limit").build())
        .build());
    client.resource(job).updateStatus();
  }

  /**
   * spark-submit in cluster mode: the driver pod appears with the name, labels, annotations, environment and
   * persistentVolumeClaim volumes of the --conf flags, as spark-kubernetes builds it.
   */
  private void submitSpark(Job job) {
    List<String> args = job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, String> annotations = new LinkedHashMap<>();
    Map<String, String> env = new LinkedHashMap<>();
    Map<String, String> claims = new LinkedHashMap<>();
    Map<String, String> mountPaths = new LinkedHashMap<>();
    Map<String, String> readOnly = new LinkedHashMap<>();
    String driver = null;
    String appName = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if ("--name".equals(arg)) {
        appName = args.get(i + 1);
      }
      if (arg.startsWith("spark.kubernetes.driver.pod.name=")) {
        driver = arg.substring(arg.indexOf('=') + 1);
      } else if (arg.startsWith("spark.kubernetes.driver.label.")) {
        putConf(labels, arg, "spark.kubernetes.driver.label.");
      } else if (arg.startsWith("spark.kubernetes.driver.annotation.")) {
        putConf(annotations, arg, "spark.kubernetes.driver.annotation.");
      } else if (arg.startsWith("spark.kubernetes.driverEnv.")) {
        putConf(env, arg, "spark.kubernetes.driverEnv.");
      } else if (arg.startsWith(DRIVER_CLAIMS)) {
        String key = arg.substring(DRIVER_CLAIMS.length(), arg.indexOf('='));
        String volume = key.substring(0, key.indexOf('.'));
        String value = arg.substring(arg.indexOf('=') + 1);
        switch (key.substring(volume.length() + 1)) {
          case "options.claimName" -> claims.put(volume, value);
          case "mount.path" -> mountPaths.put(volume, value);
          case "mount.readOnly" -> readOnly.put(volume, value);
          default -> { }
        }
      }
    }
    if (behaviour.neverReady.contains(appName)) {
      return;
    }
    String namespace = job.getMetadata().getNamespace();
    if (client.pods().inNamespace(namespace).withName(driver).get() == null) {
      ContainerBuilder container = new ContainerBuilder().withName("spark-kubernetes-driver").withImage("spark");
      env.forEach((name, value) -> container.addNewEnv().withName(name).withValue(value).endEnv());
      PodSpecBuilder spec = new PodSpecBuilder();
      claims.forEach((volume, claim) -> {
        boolean ro = Boolean.parseBoolean(readOnly.get(volume));
        spec.addNewVolume().withName(volume).withNewPersistentVolumeClaim().withClaimName(claim).withReadOnly(ro)
            .endPersistentVolumeClaim().endVolume();
        container.addNewVolumeMount().withName(volume).withMountPath(mountPaths.get(volume)).withReadOnly(ro).endVolumeMount();
      });
      client.resource(new PodBuilder().withNewMetadata().withName(driver).withNamespace(namespace).withLabels(labels)
          .withAnnotations(annotations).addToAnnotations("sim/app", appName).endMetadata()
          .withSpec(spec.addToContainers(container.build()).build())
          .withNewStatus().withPhase("Running").withStartTime(Instant.now().toString()).endStatus().build()).create();
    }
    finishJob(job, true, false);
  }

  private static void putConf(Map<String, String> into, String arg, String prefix) {
    String kv = arg.substring(prefix.length());
    into.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
  }

  private void advanceDrivers() {
    for (Pod pod : client.pods().inAnyNamespace().withLabel(RunLabels.COMPONENT, Component.SPARK_DRIVER).list().getItems()) {
      if (!"Running".equals(pod.getStatus().getPhase())) {
        continue;
      }
      boolean fails = behaviour.failing.contains(pod.getMetadata().getAnnotations().get("sim/app"));
      pod.getStatus().setPhase(fails ? "Failed" : "Succeeded");
      pod.getStatus().setContainerStatuses(List.of(new ContainerStatusBuilder().withName("spark-kubernetes-driver").withImage("spark")
          .withNewState().withNewTerminated().withExitCode(fails ? 1 : 0).withReason(fails ? "Error" : "Completed")
          .withFinishedAt(Instant.now().toString()).endTerminated().endState().build()));
      client.resource(pod).updateStatus();
    }
  }

  private void runShards(Job job) {
    String namespace = job.getMetadata().getNamespace();
    int shards = job.getSpec().getCompletions();
    String runId = job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> "ECAP_RUN_ID".equals(e.getName())).findFirst().orElseThrow().getValue();
    for (int index = 0; index < shards; index++) {
      String json = SummaryCodec.writeCompact(behaviour.summaries.apply(runId, new int[] {index, shards}), SummaryCodec.TERMINATION_MESSAGE_BYTES);
      String podName = "test-runner-" + index + "-abcde";
      if (client.pods().inNamespace(namespace).withName(podName).get() == null) {
        PodTemplateSpec template = job.getSpec().getTemplate();
        client.resource(new PodBuilder()
            .withNewMetadataLike(template.getMetadata()).withName(podName).withNamespace(namespace)
            .addToAnnotations(TestRunnerJobManifest.SHARD_INDEX_ANNOTATION, String.valueOf(index)).endMetadata()
            .withSpec(template.getSpec())
            .withNewStatus().withPhase("Succeeded").withStartTime(Instant.now().minusSeconds(13).toString())
            .addNewContainerStatus().withName("test-runner").withNewState().withNewTerminated().withExitCode(0).withReason("Completed")
            .withMessage(json).withFinishedAt(Instant.now().toString()).endTerminated().endState().endContainerStatus()
            .endStatus().build()).create();
      }
      if (behaviour.writeConfigMaps) {
        String name = "test-results-shard-" + index;
        if (client.configMaps().inNamespace(namespace).withName(name).get() == null) {
          client.resource(new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace)
              .addToLabels(RunLabels.RUN, runId).addToLabels(RunLabels.SHARD, String.valueOf(index)).endMetadata()
              .addToData(ShardSummaryReader.SUMMARY_KEY, json).build()).create();
        }
      }
    }
    finishJob(job, true, false);
  }

  private void ensurePod(HasMetadata owner, String name, PodTemplateSpec template, boolean ready) {
    String namespace = owner.getMetadata().getNamespace();
    if (client.namespaces().withName(namespace).get() == null || client.pods().inNamespace(namespace).withName(name).get() != null) {
      return;
    }
    String workload = owner.getMetadata().getName();
    boolean oom = behaviour.oomKilled.contains(workload);
    client.resource(new PodBuilder()
        .withNewMetadataLike(template.getMetadata()).withName(name).withNamespace(namespace).endMetadata()
        .withSpec(template.getSpec())
        .withNewStatus().withPhase(ready ? "Running" : "Pending").withStartTime(Instant.now().toString())
        .addNewContainerStatus().withName(template.getSpec().getContainers().get(0).getName()).withReady(ready && !oom)
        .withImage(template.getSpec().getContainers().get(0).getImage())
        .withNewLastState().withNewTerminated().withReason(oom ? "OOMKilled" : null).withExitCode(oom ? 137 : null).endTerminated().endLastState()
        .endContainerStatus()
        .endStatus().build()).create();
  }
}
