package io.ecap.testrunner.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Sample suite {@code flaky}: one test fails on its first attempt and passes on the next. */
@Tag("flaky")
public class FlakyChecks {

  private static final AtomicInteger ATTEMPTS = new AtomicInteger();

  /** Makes the next run's first attempt fail again. */
  public static void reset() {
    ATTEMPTS.set(0);
  }

  @Test
  void passesOnSecondAttempt() {
    assertThat(ATTEMPTS.incrementAndGet()).as("attempt").isGreaterThan(1);
  }

  @Test
  void passesAlways() {
    assertThat("ok").isNotEmpty();
  }
}
