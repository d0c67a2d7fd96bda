package io.ecap.platform.streaming.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FraudModelTest {

  private static FraudFeatures features(double orders10m, double cards, double billingMismatch,
                                        double shippingMismatch, double ageDays, double amountLog) {
    double[] v = new double[FraudFeatures.NAMES.size()];
    v[FraudFeatures.CUSTOMER_ORDERS_10M] = orders10m;
    v[FraudFeatures.CUSTOMER_ORDERS_24H] = orders10m;
    v[FraudFeatures.CUSTOMER_CARDS_24H] = cards;
    v[FraudFeatures.CARD_CUSTOMERS_24H] = 1;
    v[FraudFeatures.AMOUNT_LOG] = amountLog;
    v[FraudFeatures.AMOUNT_TO_CUSTOMER_MEAN] = 1;
    v[FraudFeatures.BILLING_COUNTRY_MISMATCH] = billingMismatch;
    v[FraudFeatures.SHIPPING_COUNTRY_MISMATCH] = shippingMismatch;
    v[FraudFeatures.ACCOUNT_AGE_DAYS] = ageDays;
    return new FraudFeatures(v);
  }

  @Test
  void theDefaultRulesScoreEachFraudPatternAboveReviewAndAnOrdinaryOrderBelow() {
    FraudModel rules = FraudModelJson.defaultModel();
    assertThat(rules.version()).isEqualTo("rules-v1");
    FraudScore ordinary = rules.score(features(1, 1, 0, 0, 400, 4));
    assertThat(ordinary.score()).isZero();
    assertThat(ordinary.reasons()).isEmpty();
    assertThat(rules.score(features(3, 1, 0, 0, 400, 4)).score()).isGreaterThanOrEqualTo(0.8);
    assertThat(rules.score(features(1, 3, 0, 0, 400, 4)).score()).isGreaterThanOrEqualTo(rules.reviewThreshold());
    assertThat(rules.score(features(1, 1, 1, 1, 400, 4)).reasons()).contains("country_mismatch");
    FraudScore fresh = rules.score(features(1, 1, 0, 0, 0.01, 6.5));
    assertThat(fresh.score()).isGreaterThanOrEqualTo(rules.reviewThreshold());
    assertThat(fresh.reasons()).containsExactly("new_account", "new_account_high_value");
    // Noisy-or of 0.2 and 0.6.
    assertThat(fresh.score()).isCloseTo(1 - 0.8 * 0.4, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void aLogisticModelScoresStandardisedFeaturesAndNamesTheDrivingOnes() {
    FraudModel lr = FraudModelJson.parse("{\"modelVersion\":\"lr-1\",\"type\":\"logistic\",\"reviewThreshold\":0.5,"
        + "\"declineThreshold\":0.9,\"features\":[\"customer_orders_10m\",\"amount_log\"],\"intercept\":-2.0,"
        + "\"weights\":[1.5,0.5],\"means\":[1.0,4.0],\"scales\":[0.5,0.0]}");
    FraudScore s = lr.score(features(3, 1, 0, 0, 100, 9));
    // z = -2 + 1.5 * (3 - 1) / 0.5 + 0 (a zero scale contributes nothing) = 4
    assertThat(s.score()).isCloseTo(1 / (1 + Math.exp(-4)), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(s.reasons()).containsExactly("customer_orders_10m");
  }

  @Test
  void invalidParametersAreRejectedWithTheReason() {
    assertThatThrownBy(() -> FraudModelJson.parse("{not json")).hasMessageContaining("not JSON");
    assertThatThrownBy(() -> FraudModelJson.parse("{\"modelVersion\":\"x\",\"type\":\"logistic\",\"reviewThreshold\":0.5,"
        + "\"declineThreshold\":0.9,\"features\":[\"shoe_size\"],\"intercept\":0,\"weights\":[1]}"))
        .hasMessageContaining("unknown feature 'shoe_size'");
    assertThatThrownBy(() -> FraudModelJson.parse("{\"modelVersion\":\"x\",\"type\":\"logistic\",\"reviewThreshold\":0.5,"
        + "\"declineThreshold\":0.9,\"features\":[\"amount_log\"],\"intercept\":0,\"weights\":[1,2]}"))
        .hasMessageContaining("'weights' must be an array of 1");
    assertThatThrownBy(() -> FraudModelJson.parse("{\"modelVersion\":\"x\",\"type\":\"rules\",\"reviewThreshold\":0.9,"
        + "\"declineThreshold\":0.5,\"rules\":[]}")).hasMessageContaining("declineThreshold");
  }

  @Test
  void reloadingSwapsOnChangeKeepsTheCurrentModelOnBadInputAndFallsBackWhenWithdrawn() {
    AtomicReference<Optional<String>> file = new AtomicReference<>(Optional.empty());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ReloadingFraudModel model = new ReloadingFraudModel(file::get, FraudModelJson.defaultModel(), registry);
    assertThat(model.refresh().version()).isEqualTo("rules-v1");
    file.set(Optional.of("{\"modelVersion\":\"lr-9\",\"type\":\"logistic\",\"reviewThreshold\":0.4,"
        + "\"declineThreshold\":0.8,\"features\":[\"amount_log\"],\"intercept\":0,\"weights\":[0]}"));
    assertThat(model.refresh().version()).isEqualTo("lr-9");
    assertThat(model.reviewThreshold()).isEqualTo(0.4);
    file.set(Optional.of("{\"modelVersion\":\"lr-10\""));
    assertThat(model.refresh().version()).isEqualTo("lr-9");
    assertThat(registry.find("ecap_fraud_model_rejected").counter().count()).isEqualTo(1);
    file.set(Optional.empty());
    assertThat(model.refresh().version()).isEqualTo("rules-v1");
    assertThat(registry.find("ecap_fraud_model_reloads").counter().count()).isEqualTo(1);
  }
}
