package io.ecap.testrunner.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testenv.operator.api.results.ShardSummary;
import io.ecap.testenv.operator.api.results.SummaryCodec;
import io.ecap.testrunner.launch.SampleShards;
import io.ecap.testrunner.launch.ShardCommand;
import io.ecap.testrunner.launch.ShardEnvironment;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shard in a "cluster": fabric8's API server in CRUD mode receives its ConfigMap; the termination message is written. */
@EnableKubernetesMockClient(crud = true)
class ResultsConfigMapTest {

  KubernetesClient client;

  @TempDir
  Path dir;

  @Test
  void theShardStoresItsSummaryInALabelledConfigMapAndItsTerminationMessage() throws Exception {
    Path termination = dir.resolve("termination-log");
    SampleShards sample = new SampleShards(dir.resolve("report")).with(ShardEnvironment.SUITES, "alpha")
        .with(ShardEnvironment.RUN_ID, "nightly-abc12").with(ShardEnvironment.SHARD_TOTAL, "1")
        .with(ShardEnvironment.NAMESPACE, "itr-nightly").with(ShardEnvironment.RESULTS_CONFIGMAP, "itr-nightly-shard-0")
        .with(ShardEnvironment.TERMINATION_MESSAGE_PATH, termination.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = new ShardCommand(() -> new KubernetesClientBuilder().withConfig(client.getConfiguration()).build()).run(sample.env(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
    ConfigMap stored = client.configMaps().inNamespace("itr-nightly").withName("itr-nightly-shard-0").get();
    assertThat(stored.getMetadata().getLabels()).containsEntry("testing.ecap.io/run", "nightly-abc12")
        .containsEntry("testing.ecap.io/shard", "0");
    ShardSummary summary = SummaryCodec.read(stored.getData().get("summary.json"));
    assertThat(summary.getPassed()).isEqualTo(2);
    String message = Files.readString(termination);
    assertThat(message.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
    assertThat(SummaryCodec.read(message).getPassed()).isEqualTo(2);
  }

  @Test
  void aSecondWriteReplacesTheSummary() {
    ResultsConfigMap configMaps = new ResultsConfigMap(client);
    configMaps.write("ns", "cm", "run-1", 1, "{\"first\":true}");
    configMaps.write("ns", "cm", "run-1", 1, "{\"second\":true}");
    List<ConfigMap> all = client.configMaps().inNamespace("ns").withLabel("testing.ecap.io/run", "run-1").list().getItems();
    assertThat(all).singleElement().satisfies(c -> assertThat(c.getData().get("summary.json")).contains("second"));
  }

  @Test
  void runIdsAreMadeValidLabelValues() {
    assertThat(ResultsConfigMap.labelValue("-Nightly run/2026_x-")).isEqualTo("Nightly-run-2026_x");
    assertThat(ResultsConfigMap.labelValue("a".repeat(80))).hasSize(63);
  }
}
