package io.ecap.platform.streaming.fraud;

import java.util.ArrayList;
import java.util.List;

/**
 * Logistic regression over standardised features: {@code p = 1 / (1 + exp(-(b + sum w_i (x_i - mean_i) / scale_i)))},
 * the form Spark MLlib's LogisticRegression exports (with its StandardScaler's mean and std). Reasons are the
 * features that pushed the score up the most.
 */
public final class LogisticModel implements FraudModel {

  private static final double REASON_CONTRIBUTION = 0.5;

  private final String version;
  private final double review;
  private final double decline;
  private final int[] featureIndex;
  private final double intercept;
  private final double[] weights;
  private final double[] means;
  private final double[] inverseScales;

  public LogisticModel(String version, double review, double decline, int[] featureIndex, double intercept,
                       double[] weights, double[] means, double[] scales) {
    if (weights.length != featureIndex.length || means.length != weights.length || scales.length != weights.length) {
      throw new IllegalArgumentException("features, weights, means and scales must have the same length");
    }
    this.version = version;
    this.review = review;
    this.decline = decline;
    this.featureIndex = featureIndex.clone();
    this.intercept = intercept;
    this.weights = weights.clone();
    this.means = means.clone();
    this.inverseScales = new double[scales.length];
    for (int i = 0; i < scales.length; i++) {
      // A constant feature in training has scale 0: it carries no information, so it contributes nothing.
      inverseScales[i] = scales[i] == 0 ? 0 : 1 / scales[i];
    }
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public double reviewThreshold() {
    return review;
  }

  @Override
  public double declineThreshold() {
    return decline;
  }

  @Override
  public FraudScore score(FraudFeatures features) {
    double z = intercept;
    double[] x = features.values();
    List<String> reasons = null;
    for (int i = 0; i < weights.length; i++) {
      double contribution = weights[i] * (x[featureIndex[i]] - means[i]) * inverseScales[i];
      z += contribution;
      if (contribution > REASON_CONTRIBUTION) {
        if (reasons == null) {
          reasons = new ArrayList<>(2);
        }
        reasons.add(FraudFeatures.NAMES.get(featureIndex[i]));
      }
    }
    return new FraudScore(1 / (1 + Math.exp(-z)), reasons == null ? List.of() : reasons);
  }
}
