package io.ecap.platform.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Connection pool and schema migrations of the platform's PostgreSQL database. */
public final class Database {

  private Database() {
  }

  /**
   * A pool that fails fast when PostgreSQL is unreachable (2 s to get a connection) so callers can answer 503
   * instead of hanging, and that starts even when the database is down (it recovers by itself later).
   */
  public static HikariDataSource pool(String jdbcUrl, String user, String password, int maxSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(maxSize);
    config.setMinimumIdle(Math.min(2, maxSize));
    config.setConnectionTimeout(2_000);
    config.setValidationTimeout(1_000);
    config.setInitializationFailTimeout(-1);
    config.setPoolName("ecap-postgresql");
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.addDataSourceProperty("connectTimeout", "2");
    config.addDataSourceProperty("socketTimeout", "30");
    return new HikariDataSource(config);
  }

  /** Applies the migrations under {@code db/migration}; safe to run again (already applied ones are skipped). */
  public static MigrateResult migrate(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }
}
