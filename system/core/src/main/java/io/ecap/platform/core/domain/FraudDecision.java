package io.ecap.platform.core.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A fraud service's verdict on an order: {@code score} in [0, 1], and the reasons behind it. */
public record FraudDecision(UUID orderId, Verdict decision, double score, String modelVersion, List<String> reasons,
                            Instant decidedAt) {

  public FraudDecision {
    reasons = List.copyOf(reasons);
  }

  /** What to do with the order. */
  public enum Verdict {
    APPROVE, REVIEW, DECLINE
  }
}
