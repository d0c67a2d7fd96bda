package io.ecap.testenv.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testenv.operator.Main;
import io.ecap.testenv.operator.sim.SharedFiles;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RenderCommandTest {

  private record Outcome(int code, String out, String err) {
  }

  private static Outcome render(Path file) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new Main());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int code = command.execute("render", file.toString());
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void rendersEveryManifestOfTheExampleInCreationOrder() {
    Outcome outcome = render(SharedFiles.repositoryRoot().resolve("examples/testrun.yaml"));
    assertThat(outcome.code()).as(outcome.err()).isZero();
    String[] documents = outcome.out().split("(?m)^---\\n");
    List<String> kinds = java.util.Arrays.stream(documents).filter(d -> !d.isBlank())
        .map(d -> Serialization.unmarshal(d, HasMetadata.class).getKind()).toList();
    assertThat(kinds.get(0)).isEqualTo("Namespace");
    assertThat(kinds).containsSubsequence("Namespace", "Secret", "NetworkPolicy", "ResourceQuota", "LimitRange", "ServiceAccount",
        "Role", "RoleBinding", "StatefulSet", "KafkaNodePool", "Kafka", "KafkaTopic", "PersistentVolumeClaim", "Deployment", "Job");
    assertThat(kinds.stream().filter("PersistentVolumeClaim"::equals)).as("the lake's claim").hasSize(1);
    assertThat(kinds.stream().filter("Deployment"::equals)).hasSize(4);
    assertThat(kinds.stream().filter("KafkaTopic"::equals)).hasSize(6);
    assertThat(outcome.out()).contains("apiVersion: \"kafka.strimzi.io/v1\"").doesNotContain("v1beta2");
  }

  @Test
  void everyExampleRenders() throws Exception {
    try (var files = Files.list(SharedFiles.repositoryRoot().resolve("examples"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        assertThat(render(file).code()).as(file.toString()).isZero();
      }
    }
  }

  @Test
  void invalidFileIsRejectedWithTheFieldNamed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, """
        apiVersion: testing.ecap.io/v1alpha1
        kind: IntegrationTestRun
        metadata: { name: bad }
        spec:
          tests: { suites: [api], parallelism: 3 }
        """);
    Outcome outcome = render(file);
    assertThat(outcome.code()).isEqualTo(1);
    assertThat(outcome.err()).contains("spec.tests.parallelism");
    assertThat(outcome.out()).isEmpty();
  }
}
