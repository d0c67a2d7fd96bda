package io.ecap.platform.core.fraud.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ecap.platform.core.fraud.features.FraudFeatures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FraudModelScorerTest {

  static FraudModelParameters params(List<String> names, List<Double> weights) {
    return new FraudModelParameters("fraud-lr", 3, "test", names, -2.0, weights, 0.5, Map.of("auc", 0.9),
        Instant.parse("2025-01-01T00:00:00Z"));
  }

  static final List<Double> WEIGHTS = List.of(1.5, 0.5, -0.25, 2.0, 0.0, 0.1, 1.0);

  @Test
  void scoreIsTheLogisticOfTheLinearPredictor() {
    FraudModelScorer scorer = new FraudModelScorer(params(FraudFeatures.NAMES, WEIGHTS));
    double[] x = {2, 1, 4, 1, 0, 3, 0.5};
    double z = -2.0 + 1.5 * 2 + 0.5 * 1 - 0.25 * 4 + 2.0 * 1 + 0.1 * 3 + 1.0 * 0.5;
    assertThat(scorer.score(x)).isCloseTo(1 / (1 + Math.exp(-z)), within(1e-15));
    assertThat(scorer.alert(scorer.score(x))).isTrue();
    assertThat(scorer.alert(scorer.score(new double[7]))).isFalse();
    assertThat(scorer.reasons(x, 2)).containsExactly("orders_last_10m", "billing_country_mismatch");
  }

  @Test
  void refusesAModelTrainedOnOtherFeatures() {
    List<String> shuffled = List.of("distinct_cards_24h", "orders_last_10m", "account_age_hours_log",
        "billing_country_mismatch", "shipping_country_mismatch", "amount_log", "amount_to_avg_30d_log");
    assertThatThrownBy(() -> new FraudModelScorer(params(shuffled, WEIGHTS)))
        .hasMessageContaining("was trained on");
    assertThatThrownBy(() -> new FraudModelScorer(params(FraudFeatures.NAMES, WEIGHTS)).score(new double[3]))
        .hasMessageContaining("expected 7 features");
  }

  @Test
  void exportRoundTripsThroughJson() {
    FraudModelParameters p = params(FraudFeatures.NAMES, WEIGHTS);
    assertThat(FraudModelJson.read(FraudModelJson.write(p))).isEqualTo(p);
    assertThatThrownBy(() -> FraudModelJson.read("{\"modelName\": 1}")).hasMessageContaining("not a fraud model export");
  }
}
