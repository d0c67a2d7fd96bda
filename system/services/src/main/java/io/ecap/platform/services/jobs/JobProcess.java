package io.ecap.platform.services.jobs;

import io.ecap.platform.core.sparkjobs.SparkJobLauncher;
import io.ecap.platform.core.sparkjobs.SparkJobResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run as a child JVM in Spark local mode through {@link SparkJobLauncher}: over the main lake or a scratch lake,
 * with the platform's endpoints and the run's id in its environment, killed at the time limit. What the platform
 * itself has to say about the run (timed out, could not start, stopped) is appended to the job's log, so the log tail
 * tells the whole story.
 */
final class JobProcess {

  /** The exit code of a run that has none of its own: killed at its timeout, never started, or stopped. */
  static final int NO_EXIT_CODE = -1;

  private static final Logger LOG = LoggerFactory.getLogger(JobProcess.class);

  private final SparkJobsSettings settings;
  private final ScratchLakes lakes;
  private final AbandonedRuns abandoned;

  JobProcess(SparkJobsSettings settings, ScratchLakes lakes, AbandonedRuns abandoned) {
    this.settings = settings;
    this.lakes = lakes;
    this.abandoned = abandoned;
  }

  /** Runs the job to its end; returns its exit code, or {@link #NO_EXIT_CODE}. */
  int run(JobRun run) throws InterruptedException {
    Path lake = run.lake() == null ? settings.mainLake() : lakes.path(run.lake());
    try {
      SparkJobLauncher launcher = new SparkJobLauncher(settings.jobsJar(), settings.environment(run.id(), lake),
          SparkJobsSettings.NOT_INHERITED, run.logDir(), settings.heap());
      SparkJobResult result = launcher.run(run.job(), run.args(), settings.timeout());
      if (result.timedOut()) {
        String message = run.job() + " timed out after " + settings.timeout().toSeconds() + " s ("
            + SparkJobsSettings.TIMEOUT + ") and was killed";
        note(run, message);
        abandoned.close(run.id(), message);
        return NO_EXIT_CODE;
      }
      return result.exitCode();
    } catch (InterruptedException e) {
      String message = run.job() + " was killed: the platform is stopping";
      note(run, message);
      abandoned.close(run.id(), message);
      throw e;
    } catch (IOException | RuntimeException e) {
      LOG.warn("Spark job {} ({}) could not be started", run.job(), run.id(), e);
      note(run, run.job() + " could not be started: " + e);
      return NO_EXIT_CODE;
    }
  }

  /** Appends a line to the run's log (the job's own, or a new one when the job never started). */
  private static void note(JobRun run, String message) {
    try {
      Files.createDirectories(run.logDir());
      Path log = LogTail.newestLog(run.logDir()).orElse(run.logDir().resolve("platform.log"));
      Files.writeString(log, "[ecap] " + Instant.now() + " " + message + System.lineSeparator(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      LOG.warn("could not write to the log of run {}: {}", run.id(), e.getMessage());
    }
  }
}
