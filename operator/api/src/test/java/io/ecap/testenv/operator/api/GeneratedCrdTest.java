package io.ecap.testenv.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecap.testenv.operator.api.docs.CrdReference;
import io.ecap.testenv.operator.api.validation.CrdSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CRD generated from the Java classes: checked in unchanged, and shaped as users need it. */
class GeneratedCrdTest {

  private final JsonNode crd = CrdSchema.load().crd();

  @Test
  void checkedInCrdIsWhatTheBuildGenerates() throws IOException {
    String generated;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/fabric8/" + IntegrationTestRun.CRD_FILE)) {
      generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path checkedIn = ProjectFiles.root().resolve("crds").resolve(IntegrationTestRun.CRD_FILE);
    assertThat(checkedIn).as("run `make crds` to regenerate crds/").exists();
    assertThat(Files.readString(checkedIn))
        .as("crds/%s differs from the CRD the build generates from the Java classes: run `make crds`",
            IntegrationTestRun.CRD_FILE)
        .isEqualTo(generated);
  }

  @Test
  void readmeReferenceIsRenderedFromTheCrd() throws IOException {
    String readme = Files.readString(ProjectFiles.root().resolve("README.md"));
    String table = CrdReference.render(CrdSchema.load().openApiV3Schema());
    assertThat(readme).as("README's CR reference is stale: run `make crds`")
        .isEqualTo(CrdReference.updateReadme(readme, table));
    assertThat(table).contains("`spec.tests.parallelism`").contains("`spec.teardown.policy`");
  }

  @Test
  void namesScopeAndSubresources() {
    JsonNode spec = crd.path("spec");
    assertThat(spec.path("group").asText()).isEqualTo("testing.ecap.io");
    assertThat(spec.path("scope").asText()).isEqualTo("Namespaced");
    assertThat(spec.path("names").path("kind").asText()).isEqualTo("IntegrationTestRun");
    assertThat(spec.path("names").path("plural").asText()).isEqualTo("integrationtestruns");
    assertThat(spec.path("names").path("shortNames")).extracting(JsonNode::asText).containsExactly("itr");
    assertThat(spec.path("names").path("categories")).extracting(JsonNode::asText).contains("ecap");
    JsonNode version = spec.path("versions").get(0);
    assertThat(version.path("name").asText()).isEqualTo("v1alpha1");
    assertThat(version.path("subresources").has("status")).isTrue();
  }

  @Test
  void printerColumnsShowTheOutcome() {
    JsonNode columns = crd.path("spec").path("versions").get(0).path("additionalPrinterColumns");
    List<String> names = new ArrayList<>();
    columns.forEach(c -> names.add(c.path("name").asText()));
    assertThat(names).containsExactlyInAnyOrder("Phase", "Passed", "Failed", "Success %", "Age", "Duration");
    columns.forEach(c -> assertThat(c.path("jsonPath").asText()).startsWith("."));
  }

  @Test
  void everySpecFieldHasADescriptionAndDefaultsStayInTheSchema() {
    JsonNode spec = CrdSchema.load().openApiV3Schema().path("properties").path("spec");
    List<String> undocumented = new ArrayList<>();
    collectUndocumented(spec, "spec", undocumented);
    assertThat(undocumented).as("fields without a description (kubectl explain shows nothing)").isEmpty();
    assertThat(spec.path("properties").path("tests").path("properties").path("parallelism").path("default").asInt())
        .isEqualTo(2);
    assertThat(spec.path("properties").path("tests").has("x-kubernetes-validations")).isTrue();
  }

  @Test
  void statusCarriesConditionsFollowingApiConventions() {
    JsonNode condition = CrdSchema.load().openApiV3Schema().path("properties").path("status").path("properties")
        .path("conditions").path("items").path("properties");
    assertThat(condition.has("type") && condition.has("status") && condition.has("reason") && condition.has("message")
        && condition.has("lastTransitionTime") && condition.has("observedGeneration")).isTrue();
  }

  private static void collectUndocumented(JsonNode schema, String path, List<String> out) {
    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> property = properties.next();
      String child = path + "." + property.getKey();
      if (property.getValue().path("description").asText("").isBlank()) {
        out.add(child);
      }
      collectUndocumented(property.getValue(), child, out);
      collectUndocumented(property.getValue().path("items"), child + "[]", out);
    }
  }
}
