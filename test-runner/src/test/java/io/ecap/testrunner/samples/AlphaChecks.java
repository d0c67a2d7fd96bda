package io.ecap.testrunner.samples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Sample suite {@code alpha}: two clean passes. Not a test of this module (no *Test name): the launcher's tests run it. */
@Tag("alpha")
class AlphaChecks {

  @Test
  void adds() {
    assertThat(1 + 1).isEqualTo(2);
  }

  @Test
  void concatenates() {
    assertThat("a" + "b").isEqualTo("ab");
  }
}
