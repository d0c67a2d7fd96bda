package io.ecap.testrunner.samples.partition;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sample suite {@code part}: one of seven classes the sharding tests split.
 * A fixture run by the launcher's tests, which assert how, where and how often it runs; its own
 * methods check nothing on purpose.
 */
@Tag("part")
class Part1Checks {

  @Test
  void one() {
  }

  @Test
  void two() {
  }
}
