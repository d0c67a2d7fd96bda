package io.ecap.platform.streaming.fraud;

import io.ecap.platform.core.fraud.model.FraudModelParameters;
import io.ecap.platform.core.fraud.model.FraudModelScorer;

/**
 * A trained model as the ML pipeline exports it to the registry ({@link FraudModelParameters}): scored by core's
 * {@link FraudModelScorer}, the same code the training job's parity checks use, so serving and training agree to
 * the last bit. Reviews and alerts at the threshold the model was evaluated at; an export carries no decline
 * threshold, so the service's own one applies (never below the review threshold).
 */
public final class ExportedModel implements FraudModel {

  private static final int MAX_REASONS = 3;

  private final FraudModelScorer scorer;
  private final String version;
  private final double decline;

  public ExportedModel(FraudModelParameters parameters, double declineThreshold) {
    this.scorer = new FraudModelScorer(parameters);
    this.version = versionOf(parameters);
    this.decline = Math.max(parameters.threshold(), declineThreshold);
  }

  /** How decisions name a registered model: {@code <model name>-v<version>}, e.g. {@code fraud-lr-v3}. */
  public static String versionOf(FraudModelParameters parameters) {
    return parameters.modelName() + "-v" + parameters.version();
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public double reviewThreshold() {
    return scorer.parameters().threshold();
  }

  @Override
  public double declineThreshold() {
    return decline;
  }

  @Override
  public FraudScore score(double[] features) {
    return new FraudScore(scorer.score(features), scorer.reasons(features, MAX_REASONS));
  }
}
