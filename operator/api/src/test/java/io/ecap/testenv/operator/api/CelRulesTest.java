package io.ecap.testenv.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ecap.testenv.operator.api.validation.RunValidator;
import io.ecap.testenv.operator.api.validation.ValidationError;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The CRD's CEL rules, proven with Google's CEL implementation rather than only written down. */
class CelRulesTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private final RunValidator validator = RunValidator.forGeneratedCrd();

  @Test
  void everyRuleOfTheCrdCompilesInTheStandardEnvironment() {
    assertThat(validator.uncheckableRules()).isEmpty();
  }

  @Test
  void parallelismRuleSeesTheSchemaDefaultOfSuites() throws IOException {
    // No suites given: the default (10 suites) applies before the rule, as on the API server.
    JsonNode run = resource("{tests: {parallelism: 10}}");
    assertThat(validator.validate(run).errors()).isEmpty();
  }

  @Test
  void parallelismMessageNamesTheNumberOfSuites() throws IOException {
    JsonNode run = resource("{tests: {suites: [api, health, ml], parallelism: 4}}");
    assertThat(validator.validate(run).errors())
        .containsExactly(new ValidationError("spec.tests.parallelism", "must be at most the number of suites (3)"));
  }

  @Test
  void specFieldsAreImmutableOnceCreated() throws IOException {
    JsonNode original = example();
    ObjectNode changed = original.deepCopy();
    ((ObjectNode) changed.get("spec")).put("profile", "large");
    ((ObjectNode) changed.get("spec").get("tests")).put("retries", 3);

    assertThat(validator.validateUpdate(original, changed).errors()).containsExactlyInAnyOrder(
        new ValidationError("spec.profile", "is immutable once the run has been created"),
        new ValidationError("spec.tests", "is immutable once the run has been created"));
  }

  @Test
  void teardownMayChangeWhileTheRunIsInProgress() throws IOException {
    JsonNode original = example();
    ObjectNode changed = original.deepCopy();
    ((ObjectNode) changed.get("spec").get("teardown")).put("policy", "Never");
    ((ObjectNode) changed.get("spec").get("teardown")).remove("ttlSecondsAfterFinished");

    assertThat(validator.validateUpdate(original, changed).errors()).isEmpty();
  }

  @Test
  void unchangedUpdateIsValid() throws IOException {
    JsonNode original = example();
    assertThat(validator.validateUpdate(original, original.deepCopy()).errors()).isEmpty();
  }

  private static JsonNode example() throws IOException {
    return YAML.readTree(Files.readString(ProjectFiles.root().resolve("examples/testrun.yaml")));
  }

  private static JsonNode resource(String spec) throws IOException {
    return YAML.readTree("apiVersion: testing.ecap.io/v1alpha1\nkind: IntegrationTestRun\n"
        + "metadata: {name: cel}\nspec: " + spec + "\n");
  }
}
