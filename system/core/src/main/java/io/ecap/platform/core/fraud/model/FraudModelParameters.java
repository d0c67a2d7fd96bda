package io.ecap.platform.core.fraud.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A trained logistic-regression fraud model as exported for plain-Java serving:
 * {@code score = 1 / (1 + exp(-(intercept + sum(coefficients[i] * features[i]))))} over the features named in
 * {@code featureNames} (raw, unscaled values: the trainer folds any scaling into the coefficients).
 *
 * @param threshold score at or above which an order raises an alert
 * @param metrics held-out evaluation (auc, precision, recall at the threshold, ...)
 */
public record FraudModelParameters(String modelName, int version, String algorithm, List<String> featureNames,
                                   double intercept, List<Double> coefficients, double threshold,
                                   Map<String, Double> metrics, Instant trainedAt) {

  public FraudModelParameters {
    featureNames = List.copyOf(featureNames);
    coefficients = List.copyOf(coefficients);
    metrics = Map.copyOf(metrics);
    if (featureNames.size() != coefficients.size()) {
      throw new IllegalArgumentException(featureNames.size() + " feature names but " + coefficients.size() + " coefficients");
    }
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1): " + threshold);
    }
  }

  public FraudModelParameters withVersion(int newVersion) {
    return new FraudModelParameters(modelName, newVersion, algorithm, featureNames, intercept, coefficients, threshold,
        metrics, trainedAt);
  }
}
