package io.ecap.testrunner.publish;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/**
 * Stores a shard's summary in a ConfigMap of the run's namespace, where the operator reads it (the
 * termination message is the other copy). Created, or replaced when a retried pod writes it again.
 */
public final class ResultsConfigMap {

  public static final String RUN_LABEL = "testing.ecap.io/run";
  public static final String SHARD_LABEL = "testing.ecap.io/shard";
  public static final String KEY = "summary.json";

  private final KubernetesClient client;

  public ResultsConfigMap(KubernetesClient client) {
    this.client = client;
  }

  public ConfigMap write(String namespace, String name, String runId, int shardIndex, String summaryJson) {
    ConfigMap configMap = new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(Map.of(RUN_LABEL, labelValue(runId), SHARD_LABEL, Integer.toString(shardIndex),
            "app.kubernetes.io/managed-by", "ecap-test-runner"))
        .endMetadata()
        .withData(Map.of(KEY, summaryJson))
        .build();
    return client.configMaps().inNamespace(namespace).resource(configMap).createOr(existing -> existing.update());
  }

  /** A label value: at most 63 characters of [A-Za-z0-9_.-], starting and ending alphanumeric. */
  static String labelValue(String text) {
    String value = text.replaceAll("[^A-Za-z0-9_.-]", "-");
    if (value.length() > 63) {
      value = value.substring(0, 63);
    }
    return value.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
  }
}
