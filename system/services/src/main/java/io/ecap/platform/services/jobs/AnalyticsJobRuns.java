package io.ecap.platform.services.jobs;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes abandoned rows of {@code analytics_job_runs} as FAILED. A plain connection per call: it happens once per
 * killed job, and the jobs' PostgreSQL is the real one (not the fault proxy the services use), so no pool is needed.
 */
public final class AnalyticsJobRuns implements AbandonedRuns {

  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsJobRuns.class);

  private final String url;
  private final Properties credentials = new Properties();

  public AnalyticsJobRuns(String url, String user, String password) {
    this.url = url;
    credentials.setProperty("user", user);
    credentials.setProperty("password", password);
  }

  @Override
  public void close(UUID runId, String message) {
    try (Connection c = DriverManager.getConnection(url, credentials); PreparedStatement ps = c.prepareStatement(
        "UPDATE analytics_job_runs SET status = 'FAILED', finished_at = now(), message = ? "
            + "WHERE run_id = ? AND status = 'RUNNING'")) {
      ps.setString(1, message);
      ps.setObject(2, runId);
      ps.executeUpdate();
    } catch (SQLException e) {
      LOG.warn("could not close analytics_job_runs row {}: {}", runId, e.getMessage());
    }
  }
}
