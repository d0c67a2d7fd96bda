package io.ecap.platform.streaming.fraud;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written rules, each a conjunction of feature thresholds with a weight; fired rules combine as a noisy-or
 * ({@code 1 - prod(1 - w)}), so the score stays in [0, 1] and one strong signal is enough to review. The platform's
 * model until a trained one is promoted; its parameters are JSON ({@code fraud-model-rules.json}) over the
 * feature names of {@link io.ecap.platform.core.fraud.features.FraudFeatures}.
 */
public final class RuleBasedModel implements FraudModel {

  /** {@code feature >= atLeast} and/or {@code feature <= atMost}. */
  public record Condition(int feature, double atLeast, double atMost) {
    boolean holds(double[] features) {
      double v = features[feature];
      return v >= atLeast && v <= atMost;
    }
  }

  /** All conditions must hold for the rule to fire. */
  public record Rule(String reason, double weight, List<Condition> when) {
    public Rule {
      when = List.copyOf(when);
      if (weight < 0 || weight > 1 || when.isEmpty()) {
        throw new IllegalArgumentException("rule " + reason + ": weight in [0, 1] and at least one condition");
      }
    }
  }

  private final String version;
  private final double review;
  private final double decline;
  private final List<Rule> rules;

  public RuleBasedModel(String version, double review, double decline, List<Rule> rules) {
    this.version = version;
    this.review = review;
    this.decline = decline;
    this.rules = List.copyOf(rules);
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
  public FraudScore score(double[] features) {
    double clean = 1.0;
    List<String> reasons = new ArrayList<>(2);
    for (Rule rule : rules) {
      boolean fired = true;
      for (Condition c : rule.when()) {
        if (!c.holds(features)) {
          fired = false;
          break;
        }
      }
      if (fired) {
        clean *= 1 - rule.weight();
        reasons.add(rule.reason());
      }
    }
    return new FraudScore(1 - clean, reasons);
  }
}
