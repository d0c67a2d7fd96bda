package io.ecap.platform.analytics.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** {@code analytics_job_runs}: one row per job run, so suites and the API can see what ran and how it ended. */
public final class JobRunLog {

  private final JdbcTarget target;

  public JobRunLog(JdbcTarget target) {
    this.target = target;
  }

  /** Records the run as RUNNING; a row the launcher inserted beforehand under the same id is taken over. */
  public UUID started(UUID id, String job) throws SQLException {
    try (Connection c = target.connect(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO analytics_job_runs (run_id, job, status, started_at) VALUES (?, ?, 'RUNNING', ?) "
            + "ON CONFLICT (run_id) DO UPDATE SET job = EXCLUDED.job, status = 'RUNNING', "
            + "started_at = EXCLUDED.started_at, finished_at = NULL, message = NULL")) {
      ps.setObject(1, id);
      ps.setString(2, job);
      ps.setTimestamp(3, Timestamp.from(Instant.now()));
      ps.executeUpdate();
    }
    return id;
  }

  public void finished(UUID runId, boolean succeeded, long rowsWritten, String message) throws SQLException {
    try (Connection c = target.connect(); PreparedStatement ps = c.prepareStatement("UPDATE analytics_job_runs "
        + "SET status = ?, finished_at = ?, rows_written = ?, message = ? WHERE run_id = ?")) {
      ps.setString(1, succeeded ? "SUCCEEDED" : "FAILED");
      ps.setTimestamp(2, Timestamp.from(Instant.now()));
      ps.setLong(3, rowsWritten);
      ps.setString(4, message == null ? null : message.substring(0, Math.min(message.length(), 2_000)));
      ps.setObject(5, runId);
      ps.executeUpdate();
    }
  }
}
