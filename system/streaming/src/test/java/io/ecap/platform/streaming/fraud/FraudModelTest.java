package io.ecap.platform.streaming.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecap.platform.core.fraud.features.FraudFeatures;
import io.ecap.platform.core.fraud.model.FraudModelJson;
import io.ecap.platform.core.fraud.model.FraudModelParameters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class FraudModelTest {

  private static final double HOURS_OLD_ACCOUNT = Math.log1p(24 * 400);

  /** A vector in the order of {@link FraudFeatures#NAMES}. */
  private static double[] features(double earlierIn10m, double cards, double billingMismatch,
                                   double shippingMismatch, double accountAgeHoursLog, double amountLog) {
    return new double[] {earlierIn10m, cards, accountAgeHoursLog, billingMismatch, shippingMismatch, amountLog,
        Math.log1p(1)};
  }

  private static FraudModelParameters exported(int version, double intercept, List<Double> coefficients) {
    return new FraudModelParameters("fraud-lr", version, "test", FraudFeatures.NAMES, intercept, coefficients, 0.4,
        Map.of("auc", 0.9), Instant.EPOCH);
  }

  @Test
  void theDefaultRulesScoreEachFraudPatternAboveReviewAndAnOrdinaryOrderBelow() {
    FraudModel rules = FraudModelReader.defaultModel();
    assertThat(rules.version()).isEqualTo("rules-v2");
    FraudScore ordinary = rules.score(features(0, 1, 0, 0, HOURS_OLD_ACCOUNT, 4));
    assertThat(ordinary.score()).isZero();
    assertThat(ordinary.reasons()).isEmpty();
    assertThat(rules.score(features(2, 1, 0, 0, HOURS_OLD_ACCOUNT, 4)).score()).isGreaterThanOrEqualTo(0.8);
    assertThat(rules.score(features(0, 3, 0, 0, HOURS_OLD_ACCOUNT, 4)).score())
        .isGreaterThanOrEqualTo(rules.reviewThreshold());
    assertThat(rules.score(features(0, 1, 1, 1, HOURS_OLD_ACCOUNT, 4)).reasons()).contains("country_mismatch");
    // Signed up an hour ago (log1p(1) < log1p(1.2)), EUR 660 (log1p(660) > 5.3).
    FraudScore fresh = rules.score(features(0, 1, 0, 0, Math.log1p(1), Math.log1p(660)));
    assertThat(fresh.score()).isGreaterThanOrEqualTo(rules.reviewThreshold());
    assertThat(fresh.reasons()).containsExactly("new_account", "new_account_high_value");
    // Noisy-or of 0.2 and 0.6.
    assertThat(fresh.score()).isCloseTo(1 - 0.8 * 0.4, Offset.offset(1e-12));
    double[] spike = features(0, 1, 0, 0, HOURS_OLD_ACCOUNT, 4);
    spike[6] = Math.log1p(6);
    assertThat(rules.score(spike).reasons()).containsExactly("amount_spike");
  }

  @Test
  void anExportedModelScoresLikeTheTrainersFormulaAndNamesTheDrivingFeatures() {
    FraudModel lr = FraudModelReader.parse(FraudModelJson.write(exported(3, -2.0,
        List.of(1.5, 0.0, 0.0, 0.0, 0.0, 0.5, 0.0))), 0.9);
    assertThat(lr.version()).isEqualTo("fraud-lr-v3");
    assertThat(lr.reviewThreshold()).isEqualTo(0.4);
    assertThat(lr.declineThreshold()).isEqualTo(0.9);
    FraudScore s = lr.score(features(2, 1, 0, 0, 10, 3));
    // z = -2 + 1.5 * 2 + 0.5 * 3 = 2.5
    assertThat(s.score()).isCloseTo(1 / (1 + Math.exp(-2.5)), Offset.offset(1e-15));
    assertThat(s.reasons()).containsExactly("orders_last_10m", "amount_log");
    // A decline threshold below the model's own review threshold is raised to it.
    assertThat(FraudModelReader.parse(FraudModelJson.write(exported(1, 0, List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0))),
        0.1).declineThreshold()).isEqualTo(0.4);
  }

  @Test
  void invalidParametersAreRejectedWithTheReason() {
    assertThatThrownBy(() -> FraudModelReader.parse("{not json", 0.9)).hasMessageContaining("not JSON");
    assertThatThrownBy(() -> FraudModelReader.parse("{\"modelVersion\":\"x\",\"type\":\"logistic\"}", 0.9))
        .hasMessageContaining("neither an exported model");
    String otherFeatures = FraudModelJson.write(new FraudModelParameters("fraud-lr", 2, "test", List.of("shoe_size"),
        0, List.of(1.0), 0.5, Map.of(), Instant.EPOCH));
    assertThatThrownBy(() -> FraudModelReader.parse(otherFeatures, 0.9)).hasMessageContaining("shoe_size")
        .hasMessageContaining("serving computes");
    assertThatThrownBy(() -> FraudModelReader.parse("{\"modelVersion\":\"x\",\"type\":\"rules\",\"reviewThreshold\":0.5,"
        + "\"declineThreshold\":0.9,\"rules\":[{\"reason\":\"r\",\"weight\":0.5,\"when\":[{\"feature\":\"shoe_size\","
        + "\"atLeast\":1}]}]}", 0.9)).hasMessageContaining("unknown feature 'shoe_size'");
    assertThatThrownBy(() -> FraudModelReader.parse("{\"modelVersion\":\"x\",\"type\":\"rules\",\"reviewThreshold\":0.9,"
        + "\"declineThreshold\":0.5,\"rules\":[]}", 0.9)).hasMessageContaining("declineThreshold");
  }

  @Test
  void reloadingSwapsOnChangeKeepsTheCurrentModelOnBadInputAndFallsBackWhenWithdrawn() {
    AtomicReference<Optional<String>> source = new AtomicReference<>(Optional.empty());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ReloadingFraudModel model = new ReloadingFraudModel(source::get, FraudModelReader.defaultModel(), 0.9, registry);
    assertThat(model.refresh().version()).isEqualTo("rules-v2");
    source.set(Optional.of(FraudModelJson.write(exported(9, 0, List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)))));
    assertThat(model.refresh().version()).isEqualTo("fraud-lr-v9");
    assertThat(model.reviewThreshold()).isEqualTo(0.4);
    source.set(Optional.of("{\"modelName\":\"fraud-lr\""));
    assertThat(model.refresh().version()).isEqualTo("fraud-lr-v9");
    assertThat(model.refresh().version()).as("a rejected model is not re-read").isEqualTo("fraud-lr-v9");
    assertThat(registry.find("ecap_fraud_model_rejected").counter().count()).isEqualTo(1);
    source.set(Optional.empty());
    assertThat(model.refresh().version()).isEqualTo("rules-v2");
    assertThat(registry.find("ecap_fraud_model_reloads").counter().count()).isEqualTo(1);
  }

  @Test
  void anUnreachableSourceKeepsTheModelWithoutCountingARejection() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ReloadingFraudModel model = new ReloadingFraudModel(() -> {
      throw new java.sql.SQLException("connection refused");
    }, FraudModelReader.defaultModel(), 0.9, registry);
    assertThat(model.refresh().version()).isEqualTo("rules-v2");
    assertThat(registry.find("ecap_fraud_model_rejected").counter().count()).isZero();
  }

  @Test
  void theFirstSourceWithAModelWins() throws Exception {
    ModelSource none = ModelSource.none();
    ModelSource registry = () -> Optional.of("registry");
    ModelSource file = () -> Optional.of("file");
    assertThat(ModelSource.firstOf(List.of(none, registry, file)).read()).contains("registry");
    assertThat(ModelSource.firstOf(List.of(none, file)).read()).contains("file");
    assertThat(ModelSource.firstOf(List.of(none)).read()).isEmpty();
  }
}
