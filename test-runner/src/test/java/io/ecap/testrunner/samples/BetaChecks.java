package io.ecap.testrunner.samples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Sample suite {@code beta}: a pass, an assertion failure, an error and an aborted test. */
@Tag("beta")
class BetaChecks {

  @Test
  void passes() {
    assertThat(true).isTrue();
  }

  @Test
  void alwaysFails() {
    assertThat(40 + 1).as("the answer <&> \"quoted\"").isEqualTo(42);
  }

  @Test
  void alwaysErrors() {
    throw new IllegalStateException("the platform answered 500");
  }

  @Test
  void aborts() {
    Assumptions.assumeTrue(false, "not applicable on this profile");
  }
}
