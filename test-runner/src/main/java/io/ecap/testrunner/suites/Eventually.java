package io.ecap.testrunner.suites;

import java.time.Duration;

/** Retries an assertion until it holds or time runs out; then fails with the last failure. */
public final class Eventually {

  private static final long PAUSE_MILLIS = 200;

  private Eventually() {
  }

  public static void within(Duration limit, Runnable assertion) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError | RuntimeException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("not within " + limit.toSeconds() + " s: " + e.getMessage(), e);
        }
      }
      try {
        Thread.sleep(PAUSE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting", e);
      }
    }
  }
}
