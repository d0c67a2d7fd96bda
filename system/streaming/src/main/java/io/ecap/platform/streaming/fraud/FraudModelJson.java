package io.ecap.platform.streaming.fraud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads exported model parameters. The format (what the ML pipeline exports for a promoted model):
 * <pre>
 * { "modelVersion": "fraud-lr-7", "type": "logistic", "reviewThreshold": 0.5, "declineThreshold": 0.85,
 *   "features": ["customer_orders_10m", ...], "intercept": -3.1,
 *   "weights": [...], "means": [...], "scales": [...] }          // means/scales optional (0 and 1)
 * { "modelVersion": "rules-v1", "type": "rules", "reviewThreshold": 0.5, "declineThreshold": 0.8,
 *   "rules": [ { "reason": "velocity_burst", "weight": 0.55,
 *                "when": [ { "feature": "customer_orders_10m", "atLeast": 2 } ] } ] }
 * </pre>
 * Feature names are those of {@link FraudFeatures#NAMES}; an unknown name, a length mismatch or a threshold outside
 * [0, 1] rejects the whole model.
 */
public final class FraudModelJson {

  /** The rule-based model shipped with the service. */
  public static final String DEFAULT_RESOURCE = "/fraud-model-rules.json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FraudModelJson() {
  }

  public static FraudModel defaultModel() {
    try (InputStream in = FraudModelJson.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + DEFAULT_RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static FraudModel parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("model parameters are not JSON: " + e.getMessage(), e);
    }
    String version = text(root, "modelVersion");
    double review = threshold(root, "reviewThreshold");
    double decline = threshold(root, "declineThreshold");
    if (decline < review) {
      throw new IllegalArgumentException("declineThreshold must be >= reviewThreshold");
    }
    String type = text(root, "type");
    return switch (type) {
      case "rules" -> rules(version, review, decline, root.path("rules"));
      case "logistic" -> logistic(version, review, decline, root);
      default -> throw new IllegalArgumentException("unknown model type '" + type + "' (rules or logistic)");
    };
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

  private static FraudModel logistic(String version, double review, double decline, JsonNode root) {
    JsonNode features = root.path("features");
    int n = features.size();
    if (!features.isArray() || n == 0) {
      throw new IllegalArgumentException("a logistic model needs a non-empty 'features' array");
    }
    int[] index = new int[n];
    for (int i = 0; i < n; i++) {
      index[i] = feature(features.get(i).asText());
    }
    if (!root.path("intercept").isNumber()) {
      throw new IllegalArgumentException("a logistic model needs a numeric 'intercept'");
    }
    return new LogisticModel(version, review, decline, index, root.get("intercept").asDouble(),
        numbers(root, "weights", n, Double.NaN), numbers(root, "means", n, 0), numbers(root, "scales", n, 1));
  }

  private static double[] numbers(JsonNode root, String field, int n, double fallback) {
    JsonNode node = root.path(field);
    double[] values = new double[n];
    if (node.isMissingNode() && !Double.isNaN(fallback)) {
      Arrays.fill(values, fallback);
      return values;
    }
    if (!node.isArray() || node.size() != n) {
      throw new IllegalArgumentException("'" + field + "' must be an array of " + n + " numbers");
    }
    for (int i = 0; i < n; i++) {
      if (!node.get(i).isNumber()) {
        throw new IllegalArgumentException("'" + field + "'[" + i + "] is not a number");
      }
      values[i] = node.get(i).asDouble();
    }
    return values;
  }

  private static int feature(String name) {
    int index = FraudFeatures.indexOf(name);
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
