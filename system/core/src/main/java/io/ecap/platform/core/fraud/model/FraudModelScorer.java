package io.ecap.platform.core.fraud.model;

import io.ecap.platform.core.fraud.features.FraudFeatures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scores feature vectors with exported parameters: a dot product and a sigmoid, no allocation on the hot path.
 * Refuses parameters trained on other features than {@link FraudFeatures#NAMES}, so a model and the serving
 * code can never silently disagree about what position i means.
 */
public final class FraudModelScorer {

  private final FraudModelParameters parameters;
  private final double intercept;
  private final double[] weights;

  public FraudModelScorer(FraudModelParameters parameters) {
    if (!parameters.featureNames().equals(FraudFeatures.NAMES)) {
      throw new IllegalArgumentException("model " + parameters.modelName() + " v" + parameters.version()
          + " was trained on " + parameters.featureNames() + ", serving computes " + FraudFeatures.NAMES);
    }
    this.parameters = parameters;
    this.intercept = parameters.intercept();
    this.weights = parameters.coefficients().stream().mapToDouble(Double::doubleValue).toArray();
  }

  public FraudModelParameters parameters() {
    return parameters;
  }

  /** Fraud probability in [0, 1]. */
  public double score(double[] features) {
    if (features.length != weights.length) {
      throw new IllegalArgumentException("expected " + weights.length + " features, got " + features.length);
    }
    double z = intercept;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * features[i];
    }
    return 1.0 / (1.0 + Math.exp(-z));
  }

  public boolean alert(double score) {
    return score >= parameters.threshold();
  }

  /** The features that pushed the score up most (positive contributions), largest first: the decision's reasons. */
  public List<String> reasons(double[] features, int max) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] * features[i] > 0) {
        order.add(i);
      }
    }
    order.sort(Comparator.comparingDouble((Integer i) -> weights[i] * features[i]).reversed());
    return order.stream().limit(max).map(FraudFeatures.NAMES::get).toList();
  }
}
