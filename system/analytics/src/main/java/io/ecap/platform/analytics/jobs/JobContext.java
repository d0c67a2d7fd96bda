package io.ecap.platform.analytics.jobs;

import io.ecap.platform.analytics.lake.LakeTables;
import io.ecap.platform.analytics.warehouse.JdbcTarget;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;

/**
 * One run of a job: its id (analytics_job_runs.run_id), the session, the lake, PostgreSQL if configured, the
 * command-line arguments, and the silver row counts if this run's lake refresh rebuilt silver (empty when it was
 * current).
 */
public record JobContext(UUID runId, SparkSession spark, LakeTables lake, Optional<JdbcTarget> jdbc, Clock clock, String loadId,
                         Map<String, Long> silverRebuilt, List<String> args) {

  /** The value after {@code --name}, if given. */
  public Optional<String> option(String name) {
    int i = args.indexOf("--" + name);
    return i >= 0 && i + 1 < args.size() ? Optional.of(args.get(i + 1)) : Optional.empty();
  }

  public boolean flag(String name) {
    return args.contains("--" + name);
  }
}
