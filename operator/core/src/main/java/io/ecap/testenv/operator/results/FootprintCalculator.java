package io.ecap.testenv.operator.results;

import io.ecap.testenv.operator.api.status.ResourceFootprint;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The run's resource footprint: for every pod of its namespace, requested CPU cores and memory GiB
 * times the seconds the pod existed (start to its containers' end, or now). Pods already gone are
 * not counted: the figure is taken when the run finishes, before teardown.
 */
public final class FootprintCalculator {

  private static final double GIB = 1024.0 * 1024.0 * 1024.0;

  private FootprintCalculator() {
  }

  public static ResourceFootprint of(List<Pod> pods, Instant now) {
    double cpu = 0;
    double memory = 0;
    for (Pod pod : pods) {
      double seconds = lifetime(pod, now);
      for (Container container : pod.getSpec().getContainers()) {
        if (container.getResources() == null || container.getResources().getRequests() == null) {
          continue;
        }
        cpu += amount(container.getResources().getRequests().get("cpu")) * seconds;
        memory += amount(container.getResources().getRequests().get("memory")) / GIB * seconds;
      }
    }
    ResourceFootprint footprint = new ResourceFootprint();
    footprint.setCpuCoreSeconds(Math.round(cpu * 100) / 100.0);
    footprint.setMemoryGiBSeconds(Math.round(memory * 100) / 100.0);
    return footprint;
  }

  private static double lifetime(Pod pod, Instant now) {
    String startText = pod.getStatus() != null && pod.getStatus().getStartTime() != null
        ? pod.getStatus().getStartTime() : pod.getMetadata().getCreationTimestamp();
    if (startText == null) {
      return 0;
    }
    Instant start = Instant.parse(startText);
    Instant end = now;
    if (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null && !pod.getStatus().getContainerStatuses().isEmpty()) {
      Instant last = null;
      for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
        if (status.getState() == null || status.getState().getTerminated() == null || status.getState().getTerminated().getFinishedAt() == null) {
          last = null;
          break;
        }
        Instant finished = Instant.parse(status.getState().getTerminated().getFinishedAt());
        last = last == null || finished.isAfter(last) ? finished : last;
      }
      if (last != null) {
        end = last;
      }
    }
    return Math.max(0, Duration.between(start, end).toMillis() / 1000.0);
  }

  private static double amount(Quantity quantity) {
    return quantity == null ? 0 : Quantity.getAmountInBytes(quantity).doubleValue();
  }

}
