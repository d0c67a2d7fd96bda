package io.ecap.testenv.operator.status;

import io.ecap.testenv.operator.api.spec.KafkaTopicSpec;
import io.ecap.testenv.operator.api.spec.PlatformServiceSpec;
import io.ecap.testenv.operator.api.spec.SparkJobSpec;
import io.ecap.testenv.operator.api.status.ComponentState;
import io.ecap.testenv.operator.manifests.strimzi.KafkaTopicV1;
import io.ecap.testenv.operator.manifests.strimzi.KafkaV1;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.naming.RunNames;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads each component's readiness, and why it is not ready, from the run's objects. */
public final class ComponentObserver {

  public static final String KAFKA_TOPICS = "kafka-topics";
  public static final String SEED = "seed";

  private ComponentObserver() {
  }

  public static String serviceComponent(String service) {
    return "service/" + service;
  }

  public static String sparkComponent(String job) {
    return "spark/" + job;
  }

  /** PostgreSQL, Redis, Kafka, its topics and the platform services: what "environment ready" means. */
  public static List<ComponentReport> environment(RunModel model, RunObjects objects) {
    List<ComponentReport> reports = new ArrayList<>();
    reports.add(statefulSet(RunNames.POSTGRES, objects.statefulSet(RunNames.POSTGRES), objects));
    reports.add(statefulSet(RunNames.REDIS, objects.statefulSet(RunNames.REDIS), objects));
    reports.add(kafka(objects.kafkas().stream().filter(k -> RunNames.KAFKA.equals(k.getMetadata().getName())).findFirst()));
    reports.add(topics(model, objects.topics()));
    for (PlatformServiceSpec service : model.spec().getPlatform().getServices()) {
      String name = RunNames.platformService(service.getName());
      Optional<Deployment> deployment = objects.deployments().stream().filter(d -> name.equals(d.getMetadata().getName())).findFirst();
      reports.add(deployment(serviceComponent(service.getName()), deployment, objects.podsOf(name)));
    }
    return reports;
  }

  public static ComponentReport seed(RunObjects objects) {
    Optional<Job> job = objects.job(RunNames.SEED_JOB);
    if (job.isEmpty()) {
      return new ComponentReport(SEED, ComponentState.Pending, "waits for the platform services");
    }
    if (Readiness.succeeded(job.get())) {
      return new ComponentReport(SEED, ComponentState.Ready, null);
    }
    if (Readiness.failed(job.get())) {
      String why = Readiness.failure(job.get()).map(c -> c.getReason() + ": " + c.getMessage()).orElse("failed");
      return new ComponentReport(SEED, ComponentState.Failed, "job " + RunNames.SEED_JOB + " failed (" + why + ")" + pods(objects.podsOf(RunNames.SEED_JOB)));
    }
    return new ComponentReport(SEED, ComponentState.Progressing, "job " + RunNames.SEED_JOB + " running" + pods(objects.podsOf(RunNames.SEED_JOB)));
  }

  /** Each Spark job, followed through its submitter Job and then its driver pod. */
  public static List<ComponentReport> spark(RunModel model, RunObjects objects) {
    List<ComponentReport> reports = new ArrayList<>();
    for (SparkJobSpec job : model.spec().getSpark().getJobs()) {
      String component = sparkComponent(job.getName());
      Optional<Pod> driver = objects.pod(RunNames.sparkDriverPod(job.getName()));
      Optional<Job> submitter = objects.job(RunNames.sparkSubmitJob(job.getName()));
      if (driver.isPresent()) {
        String phase = Readiness.podPhase(driver.get());
        ComponentState state = switch (phase) {
          case "Succeeded" -> ComponentState.Ready;
          case "Failed" -> ComponentState.Failed;
          default -> ComponentState.Progressing;
        };
        reports.add(new ComponentReport(component, state, state == ComponentState.Ready ? null : "driver " + PodDiagnosis.describe(driver.get())));
      } else if (submitter.isPresent() && Readiness.failed(submitter.get())) {
        reports.add(new ComponentReport(component, ComponentState.Failed, "spark-submit failed"
            + pods(objects.podsOf(RunNames.sparkSubmitJob(job.getName())))));
      } else if (submitter.isPresent()) {
        reports.add(new ComponentReport(component, ComponentState.Progressing, "submitted; driver pod "
            + RunNames.sparkDriverPod(job.getName()) + " not seen yet"));
      } else {
        reports.add(new ComponentReport(component, ComponentState.Pending, "waits for its turn"));
      }
    }
    return reports;
  }

  private static ComponentReport statefulSet(String name, Optional<StatefulSet> set, RunObjects objects) {
    if (set.isEmpty()) {
      return new ComponentReport(name, ComponentState.Pending, "not created yet");
    }
    if (Readiness.ready(set.get())) {
      return new ComponentReport(name, ComponentState.Ready, null);
    }
    int wanted = set.get().getSpec().getReplicas() == null ? 1 : set.get().getSpec().getReplicas();
    Integer ready = set.get().getStatus() == null ? null : set.get().getStatus().getReadyReplicas();
    return new ComponentReport(name, ComponentState.Progressing,
        (ready == null ? 0 : ready) + "/" + wanted + " replicas ready" + pods(objects.podsOf(name)));
  }

  private static ComponentReport deployment(String component, Optional<Deployment> deployment, List<Pod> pods) {
    if (deployment.isEmpty()) {
      return new ComponentReport(component, ComponentState.Pending, "waits for the infrastructure");
    }
    if (Readiness.ready(deployment.get())) {
      return new ComponentReport(component, ComponentState.Ready, null);
    }
    int wanted = deployment.get().getSpec().getReplicas() == null ? 1 : deployment.get().getSpec().getReplicas();
    Integer ready = deployment.get().getStatus() == null ? null : deployment.get().getStatus().getReadyReplicas();
    return new ComponentReport(component, ComponentState.Progressing,
        (ready == null ? 0 : ready) + "/" + wanted + " replicas ready" + pods(pods));
  }

  private static ComponentReport kafka(Optional<KafkaV1> kafka) {
    if (kafka.isEmpty()) {
      return new ComponentReport(RunNames.KAFKA, ComponentState.Pending, "not created yet");
    }
    var conditions = kafka.get().getStatus() == null ? null : kafka.get().getStatus().getConditions();
    if (Readiness.strimziReady(conditions)) {
      return new ComponentReport(RunNames.KAFKA, ComponentState.Ready, null);
    }
    String why = Readiness.strimziCondition(conditions)
        .map(c -> "Strimzi condition " + c.getType() + "=" + c.getStatus() + (c.getReason() == null ? "" : " (" + c.getReason() + ")")
            + (c.getMessage() == null ? "" : ": " + c.getMessage()))
        .orElse("no Ready condition from Strimzi yet (is the Strimzi operator installed and watching this namespace?)");
    return new ComponentReport(RunNames.KAFKA, ComponentState.Progressing, why);
  }

  private static ComponentReport topics(RunModel model, List<KafkaTopicV1> topics) {
    List<String> notReady = new ArrayList<>();
    for (KafkaTopicSpec spec : model.spec().getKafka().getTopics()) {
      String name = RunNames.kafkaTopic(spec.getName());
      Optional<KafkaTopicV1> topic = topics.stream().filter(t -> name.equals(t.getMetadata().getName())).findFirst();
      boolean ready = topic.map(t -> Readiness.strimziReady(t.getStatus() == null ? null : t.getStatus().getConditions())).orElse(false);
      if (!ready) {
        notReady.add(spec.getName() + (topic.isEmpty() ? " (not created yet)" : topicWhy(topic.get())));
      }
    }
    int total = model.spec().getKafka().getTopics().size();
    if (notReady.isEmpty()) {
      return new ComponentReport(KAFKA_TOPICS, ComponentState.Ready, null);
    }
    return new ComponentReport(KAFKA_TOPICS, ComponentState.Progressing,
        (total - notReady.size()) + "/" + total + " topics ready; not ready: " + String.join(", ", notReady));
  }

  private static String topicWhy(KafkaTopicV1 topic) {
    var conditions = topic.getStatus() == null ? null : topic.getStatus().getConditions();
    return Readiness.strimziCondition(conditions).map(c -> " (" + c.getReason() + ": " + c.getMessage() + ")").orElse("");
  }

  private static String pods(List<Pod> pods) {
    if (pods.isEmpty()) {
      return "";
    }
    return " [" + pods.stream().map(PodDiagnosis::describe).collect(Collectors.joining("; ")) + "]";
  }
}
