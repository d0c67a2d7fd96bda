package io.ecap.platform.analytics.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/** The platform's PostgreSQL as the jobs see it: {@code ECAP_JDBC_URL}, {@code ECAP_JDBC_USER}, {@code ECAP_JDBC_PASSWORD}. */
public record JdbcTarget(String url, String user, String password) {

  /** Empty when ECAP_JDBC_URL is not set: jobs then write the lake only (and say so). */
  public static Optional<JdbcTarget> fromEnvironment() {
    return from(System.getenv());
  }

  public static Optional<JdbcTarget> from(Map<String, String> env) {
    String url = env.get("ECAP_JDBC_URL");
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new JdbcTarget(url, env.getOrDefault("ECAP_JDBC_USER", "postgres"),
        env.getOrDefault("ECAP_JDBC_PASSWORD", "")));
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** A pooled DataSource for code that takes one (the model registry). */
  public javax.sql.DataSource dataSource() {
    org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }
}
