package io.ecap.platform.core.fraud.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FraudFeaturesTest {

  static final Instant T = Instant.parse("2025-02-01T12:00:00Z");

  static FraudObservation order(long cents, String card, String billing, String shipping, Instant signUp) {
    return new FraudObservation(UUID.randomUUID(), UUID.randomUUID(), T, cents, card, "DE", shipping, billing, signUp);
  }

  @Test
  void windowsAreHalfOpenOnEventTime() {
    List<PriorOrder> history = List.of(
        new PriorOrder(T.minus(Duration.ofMinutes(10)), 1_000, "card-a"),            // first instant of the 10 min window
        new PriorOrder(T.minus(Duration.ofMinutes(10)).minusMillis(1), 1_000, "card-b"), // just outside it
        new PriorOrder(T, 9_999_999, "card-c"),                                      // same instant: not history
        new PriorOrder(T.plusSeconds(5), 9_999_999, "card-d"),                       // the future: not history
        new PriorOrder(T.minus(Duration.ofHours(24)), 3_000, "card-e"),              // edge of the card window
        new PriorOrder(T.minus(Duration.ofDays(30)).minusMillis(1), 100_000, "card-f")); // outside every window
    double[] f = FraudFeatures.compute(order(4_000, "card-a", "DE", "DE", T.minus(Duration.ofHours(48))), history);
    assertThat(f[0]).isEqualTo(1);                    // only card-a's order is within [t-10m, t)
    assertThat(f[1]).isEqualTo(3);                    // card-a (also this order), card-b, card-e
    assertThat(f[2]).isCloseTo(Math.log1p(48), within(1e-12));
    assertThat(f[3]).isZero();
    assertThat(f[4]).isZero();
    assertThat(f[5]).isCloseTo(Math.log1p(40.0), within(1e-12));
    assertThat(f[6]).isCloseTo(Math.log1p(4_000 / (5_000 / 3.0)), within(1e-12)); // mean of 1000, 1000, 3000
  }

  @Test
  void aFirstOrderFromAFreshAccountAbroad() {
    double[] f = FraudFeatures.compute(order(250_000, "card-x", "NG", "FR", T.plusSeconds(60)), List.of());
    assertThat(f).hasSize(FraudFeatures.NAMES.size());
    assertThat(f[0]).isZero();
    assertThat(f[1]).isEqualTo(1);
    assertThat(f[2]).isZero();                        // signed up "after" the order (clock skew): age 0, not negative
    assertThat(f[3]).isEqualTo(1);
    assertThat(f[4]).isEqualTo(1);
    assertThat(f[6]).isCloseTo(Math.log1p(1.0), within(1e-12));
  }
}
