package io.ecap.platform.analytics.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.platform.core.fraud.features.FraudFeatures;
import io.ecap.platform.core.fraud.model.FraudModelParameters;
import io.ecap.platform.core.fraud.model.ModelStage;
import io.ecap.platform.core.fraud.model.RegisteredModel;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionPolicyTest {

  static Optional<RegisteredModel> production(double auc) {
    FraudModelParameters p = new FraudModelParameters("fraud-lr", 4, "x", FraudFeatures.NAMES, 0,
        Collections.nCopies(FraudFeatures.NAMES.size(), 0.0), 0.5, Map.of("auc", auc), Instant.EPOCH);
    return Optional.of(new RegisteredModel("fraud-lr", 4, ModelStage.PRODUCTION, p, "x", Instant.EPOCH, Instant.EPOCH));
  }

  static ModelMetrics auc(double auc) {
    return new ModelMetrics(auc, 0.5, 0.5, 0.5, 0.5, 100, 20, 2);
  }

  @Test
  void ifBetterPromotesOnlyARealGain() {
    assertThat(PromotionPolicy.IF_BETTER.decide(auc(0.7), Optional.empty()).promote()).isTrue();
    assertThat(PromotionPolicy.IF_BETTER.decide(auc(0.9), production(0.85)).promote()).isTrue();
    assertThat(PromotionPolicy.IF_BETTER.decide(auc(0.85 + 1e-9), production(0.85)).promote()).isFalse();
    PromotionPolicy.Decision worse = PromotionPolicy.IF_BETTER.decide(auc(0.8), production(0.85));
    assertThat(worse.promote()).isFalse();
    assertThat(worse.reason()).contains("does not beat production v4");
  }

  @Test
  void alwaysAndNeverAreUnconditional() {
    assertThat(PromotionPolicy.parse("always").decide(auc(0.1), production(0.99)).promote()).isTrue();
    assertThat(PromotionPolicy.parse("never").decide(auc(0.99), Optional.empty()).promote()).isFalse();
    assertThat(PromotionPolicy.parse("if-better")).isEqualTo(PromotionPolicy.IF_BETTER);
  }
}
