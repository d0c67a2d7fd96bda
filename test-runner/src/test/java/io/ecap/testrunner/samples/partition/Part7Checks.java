package io.ecap.testrunner.samples.partition;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Sample suite {@code part}: one of seven classes the sharding tests split. */
@Tag("part")
class Part7Checks {

  @Test
  void one() {
  }

  @Test
  void two() {
  }
}
