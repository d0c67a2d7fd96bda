package io.ecap.platform.streaming.fraud;

/**
 * A fraud model scored in plain Java from exported parameters. Implementations are immutable and thread-safe; a new
 * model version is a new instance (see {@link ReloadingFraudModel}).
 */
public interface FraudModel {

  /** Identifies the parameters (written with every decision). */
  String version();

  /** Scores at or above this are reviewed by a person. */
  double reviewThreshold();

  /** Scores at or above this are declined. */
  double declineThreshold();

  FraudScore score(FraudFeatures features);
}
