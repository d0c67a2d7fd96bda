package io.ecap.platform.services.jobs;

import java.util.UUID;

/**
 * What to do with a run the job could not close itself in {@code analytics_job_runs}: it was killed at its timeout
 * (or when the platform stopped) while its row said RUNNING. Left so, the row would say RUNNING forever.
 */
@FunctionalInterface
public interface AbandonedRuns {

  void close(UUID runId, String message);

  /** For a platform without PostgreSQL (and tests of the queue alone). */
  static AbandonedRuns ignore() {
    return (runId, message) -> { };
  }
}
