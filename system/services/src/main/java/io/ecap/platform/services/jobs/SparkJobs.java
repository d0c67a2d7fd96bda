package io.ecap.platform.services.jobs;

import io.ecap.platform.services.config.PlatformEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spark-job test hooks of this process: a queue that runs the platform's Spark jobs and the scratch lakes they can
 * run over, or, when the platform lacks what they need (the jobs jar, a local lake), the reason they are off, which
 * the API answers with. Off is the default: a production deployment has no jobs jar configured.
 */
public final class SparkJobs implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SparkJobs.class);
  private static final String HOW_TO_ENABLE = "set " + SparkJobsSettings.JOBS_JAR + " to the shaded "
      + "system-analytics-*-spark-jobs.jar (/app/spark-jobs.jar in the platform image) and give the platform a local"
      + " lake directory (ECAP_LAKE_PATH, or run it with --embedded)";

  private final SparkJobQueue queue;
  private final ScratchLakes lakes;
  private final String disabledReason;

  private SparkJobs(SparkJobQueue queue, ScratchLakes lakes, String disabledReason) {
    this.queue = queue;
    this.lakes = lakes;
    this.disabledReason = disabledReason;
  }

  /** Off, saying how to turn them on: what a platform without ECAP_SPARK_JOBS_JAR answers. */
  public static SparkJobs notConfigured() {
    return disabled("Spark job routes are off: " + HOW_TO_ENABLE);
  }

  public static SparkJobs disabled(String reason) {
    return new SparkJobs(null, null, reason);
  }

  public static SparkJobs enabled(SparkJobQueue queue, ScratchLakes lakes) {
    return new SparkJobs(queue, lakes, null);
  }

  /**
   * On when ECAP_SPARK_JOBS_JAR names a file and {@code lake} is a local directory; the jobs write to the given
   * endpoints (the real ones, not the services' fault proxies: cutting a dependency off is for the services).
   *
   * @param lake the main lake: --embedded's lake directory, or ECAP_LAKE_PATH
   * @throws IllegalArgumentException when ECAP_SPARK_JOB_TIMEOUT or ECAP_SPARK_JOB_HEAP is malformed
   */
  public static SparkJobs configure(Map<String, String> env, Optional<String> lake, PlatformEndpoints endpoints) {
    String jar = env.getOrDefault(SparkJobsSettings.JOBS_JAR, "").trim();
    if (jar.isEmpty()) {
      return notConfigured();
    }
    if (!Files.isRegularFile(Path.of(jar))) {
      return disabledLoudly("Spark job routes are off: " + SparkJobsSettings.JOBS_JAR + "=" + jar + " is not a file; "
          + HOW_TO_ENABLE);
    }
    if (lake.isEmpty() || lake.get().isBlank()) {
      return disabledLoudly("Spark job routes are off: the platform has no lake path; " + HOW_TO_ENABLE);
    }
    if (lake.get().contains("://") && !lake.get().startsWith("file://")) {
      return disabledLoudly("Spark job routes are off: the lake " + lake.get() + " is not a local directory, and scratch"
          + " lakes are written as local files; " + HOW_TO_ENABLE);
    }
    Path mainLake = Path.of(lake.get().replaceFirst("^file://", "")).toAbsolutePath().normalize();
    SparkJobsSettings settings = SparkJobsSettings.of(Path.of(jar).toAbsolutePath(), mainLake, endpoints, env);
    ScratchLakes lakes = new ScratchLakes(mainLake);
    AbandonedRuns abandoned = new AnalyticsJobRuns(endpoints.jdbcUrl(), endpoints.jdbcUser(), endpoints.jdbcPassword());
    LOG.info("Spark job routes on: jobs jar {}, main lake {}, timeout {}, heap {}", settings.jobsJar(), mainLake,
        settings.timeout(), settings.heap());
    return enabled(new SparkJobQueue(settings, lakes, abandoned, Clock.systemUTC()), lakes);
  }

  private static SparkJobs disabledLoudly(String reason) {
    LOG.warn(reason);
    return disabled(reason);
  }

  public boolean isEnabled() {
    return queue != null;
  }

  /** Why the routes are off (only when they are). */
  public String disabledReason() {
    return disabledReason;
  }

  public SparkJobQueue queue() {
    return require(queue);
  }

  public ScratchLakes lakes() {
    return require(lakes);
  }

  private <T> T require(T part) {
    if (part == null) {
      throw new IllegalStateException(disabledReason);
    }
    return part;
  }

  @Override
  public void close() {
    if (queue != null) {
      queue.close();
    }
  }
}
