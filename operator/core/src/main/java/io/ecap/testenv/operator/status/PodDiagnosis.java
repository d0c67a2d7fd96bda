package io.ecap.testenv.operator.status;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Says in one line why a pod is not running well, and spots failures that are the cluster's, not the platform's. */
public final class PodDiagnosis {

  private static final Set<String> IMAGE_PROBLEMS = Set.of("ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull");

  private PodDiagnosis() {
  }

  /** E.g. {@code pod postgres-0: Pending (Unschedulable: 0/1 nodes are available)}. */
  public static String describe(Pod pod) {
    StringBuilder text = new StringBuilder("pod ").append(pod.getMetadata().getName()).append(": ").append(Readiness.podPhase(pod));
    List<String> details = new ArrayList<>();
    if (pod.getStatus() != null) {
      if (pod.getStatus().getReason() != null) {
        details.add(pod.getStatus().getReason() + optional(pod.getStatus().getMessage()));
      }
      for (ContainerStatus container : containers(pod)) {
        if (container.getState() != null && container.getState().getWaiting() != null) {
          details.add(container.getName() + " waiting: " + container.getState().getWaiting().getReason()
              + optional(container.getState().getWaiting().getMessage()));
        } else if (container.getState() != null && container.getState().getTerminated() != null) {
          var terminated = container.getState().getTerminated();
          details.add(container.getName() + " terminated: " + terminated.getReason() + " (exit code " + terminated.getExitCode() + ")");
        } else if (Boolean.FALSE.equals(container.getReady())) {
          details.add(container.getName() + " not ready");
        }
      }
      if (pod.getStatus().getConditions() != null) {
        for (PodCondition condition : pod.getStatus().getConditions()) {
          if ("False".equals(condition.getStatus()) && condition.getReason() != null && "PodScheduled".equals(condition.getType())) {
            details.add(condition.getReason() + optional(condition.getMessage()));
          }
        }
      }
    }
    if (!details.isEmpty()) {
      text.append(" (").append(String.join("; ", details)).append(')');
    }
    return text.toString();
  }

  /** A failure the platform cannot have caused, naming the pod: eviction, OOM kill, an image that cannot be pulled. */
  public static Optional<String> infrastructureFailure(Collection<Pod> pods) {
    for (Pod pod : pods) {
      if (pod.getStatus() == null) {
        continue;
      }
      String name = pod.getMetadata().getName();
      if ("Evicted".equals(pod.getStatus().getReason())) {
        return Optional.of("pod " + name + " was evicted" + optional(pod.getStatus().getMessage()));
      }
      for (ContainerStatus container : containers(pod)) {
        if (container.getState() != null && container.getState().getWaiting() != null
            && IMAGE_PROBLEMS.contains(container.getState().getWaiting().getReason())) {
          return Optional.of("pod " + name + ": image " + container.getImage() + " cannot be pulled ("
              + container.getState().getWaiting().getReason() + optional(container.getState().getWaiting().getMessage()) + ")");
        }
        if (oomKilled(container)) {
          return Optional.of("pod " + name + ": container " + container.getName() + " was OOMKilled");
        }
      }
    }
    return Optional.empty();
  }

  private static boolean oomKilled(ContainerStatus container) {
    boolean now = container.getState() != null && container.getState().getTerminated() != null
        && "OOMKilled".equals(container.getState().getTerminated().getReason());
    boolean before = container.getLastState() != null && container.getLastState().getTerminated() != null
        && "OOMKilled".equals(container.getLastState().getTerminated().getReason());
    return now || before;
  }

  private static List<ContainerStatus> containers(Pod pod) {
    List<ContainerStatus> all = new ArrayList<>();
    if (pod.getStatus().getInitContainerStatuses() != null) {
      all.addAll(pod.getStatus().getInitContainerStatuses());
    }
    if (pod.getStatus().getContainerStatuses() != null) {
      all.addAll(pod.getStatus().getContainerStatuses());
    }
    return all;
  }

  private static String optional(String message) {
    return message == null || message.isBlank() ? "" : ": " + message;
  }
}
