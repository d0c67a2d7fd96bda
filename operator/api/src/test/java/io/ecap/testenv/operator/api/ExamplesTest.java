package io.ecap.testenv.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testenv.operator.api.spec.Profile;
import io.ecap.testenv.operator.api.spec.TeardownPolicy;
import io.ecap.testenv.operator.api.validation.RunFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example parses into the Java classes and passes the generated CRD's schema, CEL rules and checks. */
class ExamplesTest {

  private static final RunFileReader READER = RunFileReader.create();

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(ProjectFiles.root().resolve("examples"))) {
      List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
      assertThat(yaml).hasSizeGreaterThanOrEqualTo(3);
      return yaml.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void exampleIsValid(Path example) {
    List<RunFileReader.Document> documents = READER.read(example);
    assertThat(documents).allSatisfy(document -> {
      assertThat(document.errors()).as("errors of %s", example).isEmpty();
      assertThat(document.run().getMetadata().getName()).isNotBlank();
      assertThat(document.run().getSpec().getTests().getSuites()).isNotEmpty();
    });
  }

  @Test
  void mainExampleRunsEverySuiteOnTheSmallProfile() {
    IntegrationTestRun run = READER.readOne(ProjectFiles.root().resolve("examples/testrun.yaml"));
    assertThat(run.getSpec().getProfile()).isEqualTo(Profile.SMALL);
    assertThat(run.getSpec().getTests().getSuites()).containsExactly("api", "streaming", "cross-service",
        "data-lake", "analytics", "ml", "fraud", "observability", "health", "performance");
  }

  @Test
  void minimalExampleTakesEveryDefaultFromTheSchema() {
    IntegrationTestRun run = READER.readOne(ProjectFiles.root().resolve("examples/minimal.yaml"));
    IntegrationTestRunSpec spec = run.getSpec();
    assertThat(spec.getProfile()).isEqualTo(Profile.SMALL);
    assertThat(spec.getTests().getParallelism()).isEqualTo(2);
    assertThat(spec.getTests().getRetries()).isEqualTo(1);
    assertThat(spec.getTests().getTimeout()).isEqualTo("30m");
    assertThat(spec.getTests().getSuites()).hasSize(10);
    assertThat(spec.getPlatform().getServices()).extracting("name")
        .containsExactly("api", "streaming", "fraud", "notifications");
    assertThat(spec.getPlatform().getServices().get(0).getReadinessPath()).isEqualTo("/health/ready");
    assertThat(spec.getPlatform().getServices().get(0).getPort()).isEqualTo(8080);
    assertThat(spec.getKafka().getTopics()).extracting("name").contains("orders", "dead-letter");
    assertThat(spec.getKafka().getTopics().get(0).getPartitions()).isEqualTo(3);
    assertThat(spec.getSpark().getJobs()).extracting("name")
        .containsExactly("rfm", "clv", "product-analytics", "fraud-training", "data-quality");
    assertThat(spec.getQualityGates().getMinSuccessRate()).isEqualTo(95.0);
    assertThat(spec.getTeardown().getPolicy()).isEqualTo(TeardownPolicy.Always);
    assertThat(spec.getTeardown().getKeepOnFailure().getEnabled()).isFalse();
    assertThat(spec.getTimeouts().getEnvironment()).isEqualTo("15m");
  }
}
