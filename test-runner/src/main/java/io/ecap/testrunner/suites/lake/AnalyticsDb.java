package io.ecap.testrunner.suites.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testrunner.suites.Endpoints;
import io.ecap.testrunner.suites.PlatformJdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Read-only looks at what the Spark jobs recorded in the platform's PostgreSQL (analytics_job_runs and the
 * analytics, quality and model tables), and SQL oracles over the transactional tables they summarise.
 *
 * <p>The jobs ran over the seeded dataset before any suite; suites place their own orders "now" (or minutes
 * before), so the seeded history is what was created more than a day before the first job started:
 * {@link #SEEDED_ORDERS} and friends select exactly what the jobs saw.
 */
public final class AnalyticsDb implements AutoCloseable {

  /** Before this instant every row is the seeded dataset the jobs read from the lake. */
  public static final String CUTOFF = "(SELECT min(started_at) - interval '1 day' FROM analytics_job_runs)";
  /** Non-cancelled seeded orders: what RFM, CLV, products and the BI aggregates count. */
  public static final String SEEDED_PURCHASES = "SELECT * FROM orders WHERE status <> 'CANCELLED' AND created_at < "
      + CUTOFF;

  /** One row of analytics_job_runs. */
  public record JobRun(UUID runId, String job, String status, Instant startedAt, Instant finishedAt, Long rowsWritten,
                       String message) {
  }

  private final Connection connection;

  public AnalyticsDb(Endpoints endpoints) {
    connection = PlatformJdbc.readOnly(endpoints);
  }

  private static final String RUN_COLUMNS = "SELECT run_id, job, status, started_at, finished_at, rows_written, message "
      + "FROM analytics_job_runs ";

  /** The latest run of a job (its name in analytics_job_runs: rfm, clv, product-analytics, ...). */
  public Optional<JobRun> latestRun(String job) {
    return latestRun(job, Set.of());
  }

  /**
   * The latest run of a job but those of {@code excluded}: the runs suites made over scratch lakes of crafted data
   * (see {@link SparkJobRoutes#scratchRunIds}) say nothing about the seeded dataset.
   */
  public Optional<JobRun> latestRun(String job, Set<UUID> excluded) {
    return rows(RUN_COLUMNS + "WHERE job = ? ORDER BY started_at DESC", job).stream().map(AnalyticsDb::jobRun)
        .filter(r -> !excluded.contains(r.runId())).findFirst();
  }

  /** The run recorded under {@code runId}, if the job got as far as recording it. */
  public Optional<JobRun> run(UUID runId) {
    return rows(RUN_COLUMNS + "WHERE run_id = ?", runId).stream().findFirst().map(AnalyticsDb::jobRun);
  }

  private static JobRun jobRun(List<Object> r) {
    return new JobRun((UUID) r.get(0), (String) r.get(1), (String) r.get(2), instant(r.get(3)), instant(r.get(4)),
        r.get(5) == null ? null : ((Number) r.get(5)).longValue(), (String) r.get(6));
  }

  /**
   * The job's latest run, which must have succeeded. Skips the calling test, naming the job, when it never ran in
   * this environment: its results cannot be checked, and are not passed either.
   */
  public JobRun requireSucceeded(String job) {
    return requireSucceeded(job, Set.of());
  }

  /** {@link #requireSucceeded(String)} among the runs but {@code excluded}. */
  public JobRun requireSucceeded(String job, Set<UUID> excluded) {
    Optional<JobRun> run = latestRun(job, excluded);
    Assumptions.assumeTrue(run.isPresent(), "the Spark job '" + job + "' has not run in this environment (no row in "
        + "analytics_job_runs): add it to spec.spark.jobs to check its results");
    assertThat(run.get().status()).as("status of the latest %s run (message: %s)", job, run.get().message())
        .isEqualTo("SUCCEEDED");
    return run.get();
  }

  /** Every row of a query, each as its column values (JDBC types: UUID, Long, Double, Timestamp, String...). */
  public synchronized List<List<Object>> rows(String sql, Object... params) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      List<List<Object>> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          Object[] row = new Object[meta.getColumnCount()];
          for (int c = 0; c < row.length; c++) {
            row[c] = rs.getObject(c + 1);
          }
          out.add(Arrays.asList(row));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("query failed (" + sql + "): " + e.getMessage(), e);
    }
  }

  public long count(String sql, Object... params) {
    return ((Number) rows(sql, params).get(0).get(0)).longValue();
  }

  /**
   * The rows in {@code left} and not in {@code right} (SQL EXCEPT), at most {@code limit} of them: both queries must
   * have the same columns. Empty both ways means the two are equal as sets.
   */
  public List<List<Object>> except(String left, String right, int limit) {
    return rows("SELECT * FROM ((" + left + ") EXCEPT (" + right + ")) AS difference LIMIT " + limit);
  }

  private static Instant instant(Object value) {
    return value == null ? null : ((Timestamp) value).toInstant();
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // nothing held
    }
  }
}
