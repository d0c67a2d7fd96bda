package io.ecap.testrunner.suites.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecap.testrunner.suites.wire.PlatformDb;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The fraud model the platform must be serving, as the suite can know it from the outside: the PRODUCTION version of
 * {@code fraud-lr} in the model registry (decisions then say {@code fraud-lr-v<N>} and score
 * {@code 1 / (1 + exp(-(intercept + sum(coefficients[i] * features[featureNames[i]]))))}, the documented export),
 * else the built-in rules {@code rules-v2}.
 */
record ServedModel(String version, JsonNode parameters) {

  static final String REGISTRY_NAME = "fraud-lr";
  static final String RULES = "rules-v2";
  private static final double RULES_THRESHOLD = 0.5;
  private static final ObjectMapper JSON = new ObjectMapper();

  static ServedModel expected(PlatformDb db) {
    return db.productionModel(REGISTRY_NAME).map(m -> {
      try {
        return new ServedModel(REGISTRY_NAME + "-v" + m.version(), JSON.readTree(m.params()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).orElse(new ServedModel(RULES, null));
  }

  boolean isRules() {
    return parameters == null;
  }

  /** Reviews and alerts start here. */
  double threshold() {
    return isRules() ? RULES_THRESHOLD : parameters.path("threshold").asDouble();
  }

  /** The exported model's score of the features a decision was published with. */
  double score(JsonNode features) {
    assertThat(isRules()).as("the rules have no exported formula").isFalse();
    double z = parameters.path("intercept").asDouble();
    JsonNode names = parameters.path("featureNames");
    JsonNode coefficients = parameters.path("coefficients");
    for (int i = 0; i < names.size(); i++) {
      JsonNode value = features.path(names.get(i).asText());
      assertThat(value.isNumber()).as("feature %s in %s", names.get(i).asText(), features).isTrue();
      z += coefficients.get(i).asDouble() * value.asDouble();
    }
    return 1 / (1 + Math.exp(-z));
  }
}
