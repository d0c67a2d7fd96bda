package io.ecap.platform.core.sparkjobs;

import java.nio.file.Path;
import java.time.Duration;

/** How a job's process ended; its stdout and stderr are in {@code log}. */
public record SparkJobResult(String mainClass, int exitCode, boolean timedOut, Duration took, Path log) {

  public boolean succeeded() {
    return exitCode == 0 && !timedOut;
  }
}
