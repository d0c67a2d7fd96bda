package io.ecap.platform.analytics.jobs;

import io.ecap.platform.analytics.lake.LakeRefresh;
import io.ecap.platform.analytics.lake.LakeSession;
import io.ecap.platform.analytics.lake.LakeTables;
import io.ecap.platform.analytics.lake.LoadId;
import io.ecap.platform.analytics.quality.QualityGate;
import io.ecap.platform.analytics.quality.QualityGateFailed;
import io.ecap.platform.analytics.quality.QualityReportStore;
import io.ecap.platform.analytics.warehouse.JobRunLog;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of every job: session, run record in {@code analytics_job_runs}, lake refresh (new landing data into
 * bronze and silver), the quality gate for jobs that promote silver to gold, the job's own work, and an exit code:
 * 0 done, 2 stopped by the quality gate, 1 any other failure.
 */
public abstract class LakeJob {

  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILED = 1;
  public static final int EXIT_QUALITY_GATE = 2;

  private static final Logger LOG = LoggerFactory.getLogger(LakeJob.class);

  private final JobEnvironment environment;

  protected LakeJob(JobEnvironment environment) {
    this.environment = environment;
  }

  /** The name runs are recorded under (also the short name in SparkJobCatalog). */
  public abstract String name();

  /** Whether the job reads silver to write gold (then the quality gate must pass first). */
  protected boolean promotesToGold() {
    return true;
  }

  /** Whether the lake is brought up to date first (new landing files, silver rebuilt); a read-only job says no. */
  protected boolean refreshesLake() {
    return true;
  }

  /** The job's work; returns rows written. */
  protected abstract long run(JobContext context) throws Exception;

  /** Runs the job in the active (or a new) SparkSession; never exits the JVM. */
  public final int execute(String... args) {
    SparkSession spark = LakeSession.create(name());
    LakeTables lake = new LakeTables(spark, environment.lake());
    Optional<JobRunLog> runs = environment.jdbc().map(JobRunLog::new);
    UUID runId = environment.runId().orElseGet(UUID::randomUUID);
    boolean recorded = false;
    try {
      if (runs.isPresent()) {
        runs.get().started(runId, name());
        recorded = true;
      }
      String loadId = LoadId.next();
      java.util.Map<String, Long> rebuilt = refreshesLake() ? new LakeRefresh(lake).refresh(loadId) : java.util.Map.of();
      if (promotesToGold()) {
        new QualityGate(lake, new QualityReportStore(lake, environment.jdbc()), environment.clock()).require();
      }
      long rows = run(new JobContext(runId, spark, lake, environment.jdbc(), environment.clock(), loadId, rebuilt,
          List.of(args)));
      LOG.info("{} finished: {} rows written", name(), rows);
      if (runs.isPresent()) {
        runs.get().finished(runId, true, rows, null);
      }
      return EXIT_OK;
    } catch (QualityGateFailed e) {
      LOG.error("{}: {}", name(), e.getMessage());
      record(runs, recorded ? runId : null, e.getMessage());
      return EXIT_QUALITY_GATE;
    } catch (Exception e) {
      LOG.error("{} failed", name(), e);
      record(runs, recorded ? runId : null, e.getClass().getSimpleName() + ": " + e.getMessage());
      return EXIT_FAILED;
    }
  }

  private static void record(Optional<JobRunLog> runs, UUID runId, String message) {
    if (runs.isEmpty() || runId == null) {
      return;
    }
    try {
      runs.get().finished(runId, false, 0, message);
    } catch (Exception e) {
      LOG.warn("could not record the failed run: {}", e.getMessage());
    }
  }

  /** For main methods: run, stop Spark, exit with the job's code (what spark-submit and the launcher see). */
  protected static void runAndExit(LakeJob job, String[] args) {
    int code = job.execute(args);
    SparkSession.active().stop();
    System.exit(code);
  }
}
