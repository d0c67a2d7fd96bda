package io.ecap.platform.services.jobs;

/** Where a Spark job run is: waiting for the worker, running as a child JVM, or ended (exit code 0, or not). */
public enum JobState {
  QUEUED, RUNNING, SUCCEEDED, FAILED
}
