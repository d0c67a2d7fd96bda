package io.ecap.platform.analytics.ml;

import io.ecap.platform.core.fraud.model.RegisteredModel;
import java.util.Optional;

/**
 * When a newly trained model replaces the production one. {@code IF_BETTER} (default): only when its held-out AUC
 * beats the production version's by at least {@link #MIN_AUC_GAIN} (a tie keeps the incumbent: churn without gain is
 * risk, and distributed training reproduces a model only to ~1e-12, so equal must not read as better);
 * {@code ALWAYS} and {@code NEVER} are for operators and tests that need a known outcome.
 */
public enum PromotionPolicy {
  IF_BETTER, ALWAYS, NEVER;

  public static final double MIN_AUC_GAIN = 1e-4;

  public static PromotionPolicy parse(String value) {
    return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
  }

  /** The decision and why, for the log and the job's output. */
  public record Decision(boolean promote, String reason) {
  }

  public Decision decide(ModelMetrics candidate, Optional<RegisteredModel> production) {
    return switch (this) {
      case NEVER -> new Decision(false, "promotion disabled (--promote never)");
      case ALWAYS -> new Decision(true, "promotion forced (--promote always)");
      case IF_BETTER -> {
        if (production.isEmpty()) {
          yield new Decision(true, "no production model yet");
        }
        Double current = production.get().parameters().metrics().get("auc");
        if (current == null || candidate.auc() >= current + MIN_AUC_GAIN) {
          yield new Decision(true, String.format("AUC %.4f beats production v%d (%.4f)", candidate.auc(),
              production.get().version(), current == null ? Double.NaN : current));
        }
        yield new Decision(false, String.format("AUC %.4f does not beat production v%d (%.4f)", candidate.auc(),
            production.get().version(), current));
      }
    };
  }
}
