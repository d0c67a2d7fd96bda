package io.ecap.testrunner.suites;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** A connection to the platform's PostgreSQL as the endpoints name it (URL, user, password). */
public final class PlatformJdbc {

  private PlatformJdbc() {
  }

  /** Read-only: suites look at what the platform wrote, they never write behind its back. */
  public static Connection readOnly(Endpoints endpoints) {
    try {
      Connection connection = connect(endpoints.require(Endpoint.JDBC), endpoints, "ecap-test-runner");
      connection.setReadOnly(true);
      return connection;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the platform's PostgreSQL: " + e.getMessage(), e);
    }
  }

  static Connection connect(String url, Endpoints endpoints, String applicationName) throws SQLException {
    Properties props = new Properties();
    endpoints.jdbcUser().ifPresent(u -> props.setProperty("user", u));
    endpoints.jdbcPassword().ifPresent(p -> props.setProperty("password", p));
    props.setProperty("ApplicationName", applicationName);
    return DriverManager.getConnection(url, props);
  }
}
