package io.ecap.platform.streaming.fraud;

import io.ecap.platform.core.fraud.features.FraudFeatures;

/**
 * A fraud model scored in plain Java over the feature vector of {@link FraudFeatures} (the one definition training
 * uses too). Implementations are immutable and thread-safe; a new model version is a new instance (see
 * {@link ReloadingFraudModel}).
 */
public interface FraudModel {

  /** Identifies the parameters (written with every decision). */
  String version();

  /** Scores at or above this are reviewed by a person and raise an alert on {@code fraud-alerts}. */
  double reviewThreshold();

  /** Scores at or above this are declined. */
  double declineThreshold();

  /** @param features values in the order of {@link FraudFeatures#NAMES} */
  FraudScore score(double[] features);
}
