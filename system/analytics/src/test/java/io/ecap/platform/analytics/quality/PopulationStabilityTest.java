package io.ecap.platform.analytics.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PopulationStabilityTest {

  @Test
  void identicalSharesHaveNoDriftAndShiftedSharesTheTextbookValue() {
    assertThat(PopulationStability.psi(new long[] {10, 20, 70}, new long[] {100, 200, 700})).isZero();
    // (0.3-0.1) ln 3 + (0.2-0.2) ln 1 + (0.5-0.7) ln (5/7)
    double expected = 0.2 * Math.log(3) + -0.2 * Math.log(5 / 7.0);
    assertThat(PopulationStability.psi(new long[] {10, 20, 70}, new long[] {30, 20, 50})).isCloseTo(expected, within(1e-12));
  }

  @Test
  void emptyBinsAreFlooredAndMismatchedHistogramsRefused() {
    assertThat(PopulationStability.psi(new long[] {50, 50, 0}, new long[] {0, 50, 50})).isGreaterThan(3).isFinite();
    assertThatThrownBy(() -> PopulationStability.psi(new long[2], new long[3])).hasMessageContaining("differ in bins");
  }
}
