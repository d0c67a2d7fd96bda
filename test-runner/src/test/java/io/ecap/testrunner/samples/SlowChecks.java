package io.ecap.testrunner.samples;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Sample suite {@code slow}: the second test hangs past any short run timeout.
 * A fixture run by the launcher's tests, which assert how, where and how often it runs; its own
 * methods check nothing on purpose.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.MethodName.class)
class SlowChecks {

  @Test
  void a_quick() {
  }

  @Test
  void b_hangs() throws InterruptedException {
    Thread.sleep(120_000);
  }

  @Test
  void c_neverRuns() {
  }
}
