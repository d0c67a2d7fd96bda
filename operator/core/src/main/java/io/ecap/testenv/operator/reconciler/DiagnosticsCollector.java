package io.ecap.testenv.operator.reconciler;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.model.RunLabels;
import io.ecap.testenv.operator.model.RunModel;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Before teardown, keeps what is needed to understand a run: the last lines of every container's
 * log (capped per container and in total, a ConfigMap holds at most 1 MiB) and the Warning events
 * of its namespace, in a ConfigMap in the run's own namespace, owned by the run.
 */
public final class DiagnosticsCollector {

  /** Below the 1 MiB ConfigMap limit, with room for keys and metadata. */
  static final int TOTAL_BYTES = 900 * 1024;

  private final KubernetesClient client;
  private final int linesPerPod;
  private final int bytesPerPod;

  public DiagnosticsCollector(KubernetesClient client, int linesPerPod, int bytesPerPod) {
    this.client = client;
    this.linesPerPod = linesPerPod;
    this.bytesPerPod = bytesPerPod;
  }

  /** Writes (or rewrites) the diagnostics ConfigMap; returns its name. */
  public String collect(IntegrationTestRun run, RunModel model) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("run.txt", "phase: " + run.getStatus().getPhase() + "\nreason: " + run.getStatus().getReason()
        + "\nmessage: " + run.getStatus().getMessage() + "\nnamespace: " + model.namespace() + "\n");
    data.put("warning-events.txt", warningEvents(model.namespace()));
    int used = data.values().stream().mapToInt(v -> v.getBytes(StandardCharsets.UTF_8).length).sum();
    List<Pod> pods = client.pods().inNamespace(model.namespace()).withLabel(RunLabels.MANAGED_BY, RunLabels.MANAGED_BY_VALUE).list().getItems();
    List<String> skipped = new ArrayList<>();
    for (Pod pod : pods.stream().sorted(Comparator.comparing(p -> p.getMetadata().getName())).toList()) {
      for (Container container : pod.getSpec().getContainers()) {
        String key = (pod.getMetadata().getName() + "." + container.getName() + ".log").replaceAll("[^-._a-zA-Z0-9]", "_");
        String log = tail(log(model.namespace(), pod, container));
        int size = log.getBytes(StandardCharsets.UTF_8).length;
        if (used + size > TOTAL_BYTES) {
          skipped.add(key);
          continue;
        }
        data.put(key, log);
        used += size;
      }
    }
    if (!skipped.isEmpty()) {
      data.put("omitted.txt", "logs left out to stay under the ConfigMap size limit: " + String.join(", ", skipped) + "\n");
    }
    String name = model.names().diagnosticsConfigMap();
    ConfigMap configMap = new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(run.getMetadata().getNamespace())
        .withLabels(Map.of(RunLabels.MANAGED_BY, RunLabels.MANAGED_BY_VALUE, RunLabels.COMPONENT, "diagnostics",
            RunLabels.RUN, model.names().runLabel()))
        .withAnnotations(model.annotations())
        .addNewOwnerReference()
        .withApiVersion(IntegrationTestRun.API_VERSION).withKind(IntegrationTestRun.KIND)
        .withName(run.getMetadata().getName()).withUid(run.getMetadata().getUid())
        .endOwnerReference()
        .endMetadata()
        .withData(data)
        .build();
    ConfigMap existing = client.configMaps().inNamespace(run.getMetadata().getNamespace()).withName(name).get();
    if (existing == null) {
      client.resource(configMap).create();
    } else {
      client.configMaps().inNamespace(run.getMetadata().getNamespace()).withName(name)
          .patch(PatchContext.of(PatchType.JSON_MERGE), configMap);
    }
    return name;
  }

  /** Deleted with the run (its owner reference does the same on a cluster with garbage collection). */
  public void delete(IntegrationTestRun run, RunModel model) {
    client.configMaps().inNamespace(run.getMetadata().getNamespace()).withName(model.names().diagnosticsConfigMap()).delete();
  }

  private String log(String namespace, Pod pod, Container container) {
    try {
      String log = client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).inContainer(container.getName())
          .tailingLines(linesPerPod).getLog();
      return log == null ? "" : log;
    } catch (KubernetesClientException e) {
      return "(log unavailable: " + e.getCode() + " " + e.getStatus().getMessage() + ")\n";
    }
  }

  private String tail(String log) {
    byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= bytesPerPod) {
      return log;
    }
    return "(first " + (bytes.length - bytesPerPod) + " bytes cut)\n" + new String(bytes, bytes.length - bytesPerPod, bytesPerPod, StandardCharsets.UTF_8);
  }

  private String warningEvents(String namespace) {
    StringBuilder text = new StringBuilder();
    try {
      for (Event event : client.events().v1().events().inNamespace(namespace).list().getItems()) {
        if ("Warning".equals(event.getType())) {
          text.append(event.getEventTime() == null ? "" : event.getEventTime().getTime()).append(' ')
              .append(event.getRegarding() == null ? "" : event.getRegarding().getKind() + "/" + event.getRegarding().getName())
              .append(' ').append(event.getReason()).append(": ").append(event.getNote()).append('\n');
        }
      }
    } catch (KubernetesClientException e) {
      text.append("(events unavailable: ").append(e.getMessage()).append(")\n");
    }
    return text.toString();
  }
}
