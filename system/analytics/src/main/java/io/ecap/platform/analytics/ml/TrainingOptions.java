package io.ecap.platform.analytics.ml;

/**
 * @param seed decides the train/test split (by a hash of the order id and the seed: the same seed, the same split)
 * @param testPercent share of orders held out for evaluation
 * @param regParam L2 regularisation of the logistic regression
 * @param threshold alert threshold the precision/recall are reported at (and exported with the model)
 */
public record TrainingOptions(long seed, int testPercent, double regParam, int maxIterations, double threshold) {

  public static final TrainingOptions DEFAULTS = new TrainingOptions(42, 20, 0.001, 100, 0.5);

  public TrainingOptions {
    if (testPercent < 1 || testPercent > 90) {
      throw new IllegalArgumentException("testPercent must be in [1, 90]: " + testPercent);
    }
  }
}
