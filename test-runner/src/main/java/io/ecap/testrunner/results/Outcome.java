package io.ecap.testrunner.results;

/** How one test ended, after its retries. Exactly one per test, so the counts add up to the total. */
public enum Outcome {
  /** Passed on the first attempt: the only clean pass. */
  PASSED,
  /** Failed on every attempt (or hit the run timeout). */
  FAILED,
  /** Skipped or aborted (an assumption, a disabled test, a suite whose endpoint is not configured). */
  SKIPPED,
  /** Passed only on a retry: reported apart, never counted as a clean pass. */
  FLAKY
}
