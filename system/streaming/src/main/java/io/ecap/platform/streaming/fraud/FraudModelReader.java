package io.ecap.platform.streaming.fraud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecap.platform.core.fraud.features.FraudFeatures;
import io.ecap.platform.core.fraud.model.FraudModelJson;
import io.ecap.platform.core.fraud.model.FraudModelParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads model parameters in either of the two forms the service scores:
 * <ul>
 *   <li>a trained model exported by the ML pipeline ({@link FraudModelParameters}, what the registry's
 *       {@code params} column and {@code model.json} hold: {@code modelName}, {@code version}, {@code featureNames},
 *       {@code intercept}, {@code coefficients}, {@code threshold}, ...);</li>
 *   <li>hand-written rules:
 * <pre>
 * { "modelVersion": "rules-v2", "type": "rules", "reviewThreshold": 0.5, "declineThreshold": 0.8,
 *   "rules": [ { "reason": "velocity_burst", "weight": 0.55,
 *                "when": [ { "feature": "orders_last_10m", "atLeast": 1 } ] } ] }
 * </pre></li>
 * </ul>
 * Feature names are those of {@link FraudFeatures#NAMES}; an unknown name, a length mismatch or a threshold outside
 * [0, 1] rejects the whole model.
 */
public final class FraudModelReader {

  /** The rule-based model shipped with the service. */
  public static final String DEFAULT_RESOURCE = "/fraud-model-rules.json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FraudModelReader() {
  }

  public static FraudModel defaultModel() {
    try (InputStream in = FraudModelReader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + DEFAULT_RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), 1.0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @param declineThreshold for exported models, which carry only their review/alert threshold */
  public static FraudModel parse(String json, double declineThreshold) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("model parameters are not JSON: " + e.getMessage(), e);
    }
    if (root != null && root.has("featureNames")) {
      return new ExportedModel(FraudModelJson.read(json), declineThreshold);
    }
    if (root == null || !"rules".equals(root.path("type").asText())) {
      throw new IllegalArgumentException("neither an exported model (featureNames, coefficients, ...) nor "
          + "\"type\": \"rules\"");
    }
    String version = text(root, "modelVersion");
    double review = threshold(root, "reviewThreshold");
    double decline = threshold(root, "declineThreshold");
    if (decline < review) {
      throw new IllegalArgumentException("declineThreshold must be >= reviewThreshold");
    }
    return rules(version, review, decline, root.path("rules"));
  }

  private static FraudModel rules(String version, double review, double decline, JsonNode rulesNode) {
    if (!rulesNode.isArray() || rulesNode.isEmpty()) {
      throw new IllegalArgumentException("a rules model needs a non-empty 'rules' array");
    }
    List<RuleBasedModel.Rule> rules = new ArrayList<>();
    for (JsonNode r : rulesNode) {
      List<RuleBasedModel.Condition> when = new ArrayList<>();
      for (JsonNode c : r.path("when")) {
        double atLeast = c.has("atLeast") ? c.get("atLeast").asDouble() : Double.NEGATIVE_INFINITY;
        double atMost = c.has("atMost") ? c.get("atMost").asDouble() : Double.POSITIVE_INFINITY;
        when.add(new RuleBasedModel.Condition(feature(text(c, "feature")), atLeast, atMost));
      }
      rules.add(new RuleBasedModel.Rule(text(r, "reason"), r.path("weight").asDouble(-1), when));
    }
    return new RuleBasedModel(version, review, decline, rules);
  }

  private static int feature(String name) {
    int index = FraudFeatures.NAMES.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("unknown feature '" + name + "' (known: " + FraudFeatures.NAMES + ")");
    }
    return index;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("missing text field '" + field + "'");
    }
    return value.asText();
  }

  private static double threshold(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
      throw new IllegalArgumentException("'" + field + "' must be a number in [0, 1]");
    }
    return value.asDouble();
  }
}
