package io.ecap.testenv.operator.results;

import io.ecap.testenv.operator.api.results.ShardSummary;
import io.ecap.testenv.operator.api.results.SummaryCodec;
import io.ecap.testenv.operator.manifests.TestRunnerJobManifest;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunLabels;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.status.PodDiagnosis;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads each shard's summary: first from its ConfigMap ({@code testing.ecap.io/run=<run>},
 * {@code testing.ecap.io/shard=<i>}, key {@code summary.json}), else from the runner pod's
 * termination message. Both hold {@link SummaryCodec} JSON; anything unreadable counts as missing.
 */
public final class ShardSummaryReader {

  public static final String SUMMARY_KEY = "summary.json";

  private final KubernetesClient client;

  public ShardSummaryReader(KubernetesClient client) {
    this.client = client;
  }

  public ShardReport read(RunModel model, List<Pod> runPods) {
    int shards = model.spec().getTests().getParallelism();
    Map<Integer, ShardSummary> found = new TreeMap<>();
    Map<Integer, String> problems = new LinkedHashMap<>();
    List<ConfigMap> configMaps = client.configMaps().inNamespace(model.namespace())
        .withLabel(RunLabels.RUN, model.names().runLabel()).list().getItems();
    for (ConfigMap configMap : configMaps) {
      Integer shard = shardOf(configMap.getMetadata().getLabels());
      String json = configMap.getData() == null ? null : configMap.getData().get(SUMMARY_KEY);
      if (shard != null && json != null) {
        parse(json).ifPresentOrElse(s -> found.put(shard, s),
            () -> problems.put(shard, "ConfigMap " + configMap.getMetadata().getName() + " holds no readable summary"));
      }
    }
    List<Pod> runnerPods = runPods.stream()
        .filter(p -> p.getMetadata().getLabels() != null && Component.TEST_RUNNER.equals(p.getMetadata().getLabels().get(RunLabels.COMPONENT)))
        .sorted(Comparator.comparing(p -> p.getMetadata().getCreationTimestamp() == null ? "" : p.getMetadata().getCreationTimestamp()))
        .toList();
    Map<Integer, String> missing = new TreeMap<>();
    for (int shard = 0; shard < shards; shard++) {
      if (found.containsKey(shard)) {
        continue;
      }
      Optional<Pod> pod = podOf(runnerPods, shard);
      Optional<ShardSummary> fromMessage = pod.flatMap(ShardSummaryReader::terminationMessage).flatMap(ShardSummaryReader::parse);
      if (fromMessage.isPresent()) {
        found.put(shard, fromMessage.get());
      } else {
        String why = pod.map(PodDiagnosis::describe).orElse("no runner pod for this shard");
        missing.put(shard, problems.containsKey(shard) ? problems.get(shard) + "; " + why : why);
      }
    }
    return new ShardReport(List.copyOf(found.values()), missing);
  }

  private static Optional<Pod> podOf(List<Pod> pods, int shard) {
    // the last pod of an index is the one that counts
    return pods.stream()
        .filter(p -> p.getMetadata().getAnnotations() != null
            && String.valueOf(shard).equals(p.getMetadata().getAnnotations().get(TestRunnerJobManifest.SHARD_INDEX_ANNOTATION)))
        .reduce((first, second) -> second);
  }

  private static Optional<String> terminationMessage(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return Optional.empty();
    }
    for (ContainerStatus container : pod.getStatus().getContainerStatuses()) {
      if (container.getState() != null && container.getState().getTerminated() != null
          && container.getState().getTerminated().getMessage() != null) {
        return Optional.of(container.getState().getTerminated().getMessage());
      }
    }
    return Optional.empty();
  }

  private static Optional<ShardSummary> parse(String json) {
    try {
      return Optional.of(SummaryCodec.read(json));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Integer shardOf(Map<String, String> labels) {
    try {
      return labels == null || labels.get(RunLabels.SHARD) == null ? null : Integer.valueOf(labels.get(RunLabels.SHARD));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
