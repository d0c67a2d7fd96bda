package io.ecap.testenv.operator.status;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.strimzi.api.kafka.model.common.Condition;
import java.util.List;
import java.util.Optional;

/** What "ready" and "done" mean for each kind, shared by the workflow's conditions and the status. */
public final class Readiness {

  private Readiness() {
  }

  public static boolean ready(StatefulSet set) {
    if (set == null || set.getStatus() == null) {
      return false;
    }
    int wanted = set.getSpec().getReplicas() == null ? 1 : set.getSpec().getReplicas();
    Integer ready = set.getStatus().getReadyReplicas();
    return ready != null && ready >= wanted;
  }

  public static boolean ready(Deployment deployment) {
    if (deployment == null || deployment.getStatus() == null) {
      return false;
    }
    int wanted = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
    Integer ready = deployment.getStatus().getReadyReplicas();
    return ready != null && ready >= wanted;
  }

  /** Strimzi's {@code Ready} condition is True. */
  public static boolean strimziReady(List<Condition> conditions) {
    return strimziCondition(conditions).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  public static Optional<Condition> strimziCondition(List<Condition> conditions) {
    if (conditions == null) {
      return Optional.empty();
    }
    return conditions.stream().filter(c -> "Ready".equals(c.getType()) || "NotReady".equals(c.getType())).findFirst();
  }

  public static boolean succeeded(Job job) {
    return job != null && jobCondition(job, "Complete");
  }

  public static boolean failed(Job job) {
    return job != null && jobCondition(job, "Failed");
  }

  public static Optional<JobCondition> failure(Job job) {
    if (job == null || job.getStatus() == null || job.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return job.getStatus().getConditions().stream()
        .filter(c -> "Failed".equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
  }

  public static String podPhase(Pod pod) {
    return pod == null || pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Pending" : pod.getStatus().getPhase();
  }

  private static boolean jobCondition(Job job, String type) {
    if (job.getStatus() == null || job.getStatus().getConditions() == null) {
      return false;
    }
    return job.getStatus().getConditions().stream().anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
