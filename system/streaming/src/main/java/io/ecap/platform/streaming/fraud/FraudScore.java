package io.ecap.platform.streaming.fraud;

import java.util.List;

/** A model's output: probability-like score in [0, 1] and the reasons that drove it (rule or feature names). */
public record FraudScore(double score, List<String> reasons) {

  public FraudScore {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1], got " + score);
    }
    reasons = List.copyOf(reasons);
  }
}
