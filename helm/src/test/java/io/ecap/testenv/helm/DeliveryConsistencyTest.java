package io.ecap.testenv.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The names that must agree across delivery files: the images `make images` builds, the chart's
 * operator image, the CRD's default platform and runner images, the jars the Dockerfiles copy, and the
 * Strimzi release `make deploy` installs (one whose CRDs the operator's resources are validated against).
 */
class DeliveryConsistencyTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final String makefile = read("Makefile");

  @Test
  void imagesMakeBuildsAreTheOnesTheChartAndTheCrdDefaultTo() throws IOException {
    String registry = variable("REGISTRY");
    String version = variable("VERSION");
    JsonNode chart = YAML.readTree(ROOT.resolve("helm/ecap-operator/Chart.yaml").toFile());
    JsonNode values = YAML.readTree(ROOT.resolve("helm/ecap-operator/values.yaml").toFile());
    assertThat(chart.path("appVersion").asText()).isEqualTo(version);
    assertThat(chart.path("version").asText()).isEqualTo(version);
    assertThat(values.path("image").path("repository").asText()).isEqualTo(registry + "/operator");
    for (String image : new String[] {"operator", "platform", "test-runner"}) {
      assertThat(makefile).contains("-t $(REGISTRY)/" + image + ":$(VERSION)");
    }
    String crd = read("crds/integrationtestruns.testing.ecap.io-v1.yml");
    assertThat(crd).contains("default: \"" + registry + "/platform:" + version + "\"")
        .contains("default: \"" + registry + "/test-runner:" + version + "\"");
  }

  @Test
  void dockerfilesCopyTheJarsTheBuildProduces() {
    assertThat(read("operator/Dockerfile")).contains("operator/core/target/operator-core-${VERSION}-SNAPSHOT.jar");
    assertThat(read("test-runner/Dockerfile")).contains("test-runner/target/test-runner-*-launcher.jar");
    assertThat(read("system/Dockerfile")).contains("system/services/target/system-services-*-platform.jar")
        .contains("system/analytics/target/system-analytics-*-spark-jobs.jar")
        .as("the api service finds the Spark jobs jar where the image puts it")
        .contains("/app/spark-jobs.jar").contains("ENV ECAP_SPARK_JOBS_JAR=/app/spark-jobs.jar");
    assertThat(read("operator/core/pom.xml")).contains("<artifactId>operator-core</artifactId>");
    assertThat(read("test-runner/pom.xml")).contains("<shadedClassifierName>launcher</shadedClassifierName>");
    assertThat(read("system/services/pom.xml")).contains("<shadedClassifierName>platform</shadedClassifierName>");
    assertThat(read("system/analytics/pom.xml")).contains("<shadedClassifierName>spark-jobs</shadedClassifierName>");
    for (String dockerfile : new String[] {"operator/Dockerfile", "test-runner/Dockerfile", "system/Dockerfile"}) {
      String text = read(dockerfile);
      assertThat(text).as(dockerfile).contains("org.opencontainers.image.version").containsPattern("(?m)^USER [0-9]+");
      assertThat(text).as("%s pins its bases", dockerfile).doesNotContainPattern("(?m)^FROM [^ ]+:latest");
    }
  }

  @Test
  void deployInstallsAStrimziReleaseWhoseCrdsTheOperatorIsValidatedAgainst() {
    String strimzi = variable("STRIMZI_VERSION");
    Path crds = sharedStrimziCrds().resolve(strimzi);
    assertThat(crds).as("shared/strimzi-crds/%s (make deploy installs Strimzi %s)", strimzi, strimzi).isDirectory();
    assertThat(crds.resolve("040-Crd-kafka.yaml")).exists();
    assertThat(read("operator/core/src/test/java/io/ecap/testenv/operator/manifests/StrimziSchemaTest.java"))
        .as("the operator's Strimzi schema test covers the release make deploy installs").contains("\"" + strimzi + "\"");
  }

  private String variable(String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\s*\\??:?=\\s*(\\S+)").matcher(makefile);
    assertThat(m.find()).as("Makefile sets %s", name).isTrue();
    return m.group(1);
  }

  private static Path sharedStrimziCrds() {
    for (Path dir = ROOT; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/strimzi-crds");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("no shared/strimzi-crds above " + ROOT);
  }

  private static String read(String relative) {
    try {
      return Files.readString(ROOT.resolve(relative));
    } catch (IOException e) {
      throw new AssertionError("cannot read " + relative, e);
    }
  }
}
