package io.ecap.testrunner.suites;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps tests that disturb the shared environment (cutting a dependency off) apart from tests that a disturbance
 * would falsify (cache hits, latency under load), across every shard of a run: a PostgreSQL advisory lock on the
 * platform's database, taken exclusively by a disturbing test and shared by a sensitive one. Without a JDBC
 * endpoint nothing can disturb (the disturbing tests need it), so the shared side is then a no-op.
 */
public final class PlatformDisruption {

  /** Any constant: the advisory lock's key for "the environment is being disturbed". */
  private static final long LOCK_KEY = 0x0ECA_D15DL;
  private static final String WAIT = "120s";

  private final Endpoints endpoints;

  public PlatformDisruption(Endpoints endpoints) {
    this.endpoints = endpoints;
  }

  /** Held while a test disturbs the environment; waits until no sensitive test runs. */
  public Hold exclusive() {
    return take("pg_advisory_lock(" + LOCK_KEY + ")", true);
  }

  /** Held while a test needs an undisturbed environment; waits until no disturbance is under way. */
  public Hold shared() {
    return endpoints.jdbcUrl().isEmpty() ? () -> { } : take("pg_advisory_lock_shared(" + LOCK_KEY + ")", false);
  }

  private Hold take(String lock, boolean required) {
    String url = required ? endpoints.require(Endpoint.JDBC) : endpoints.jdbcUrl().orElseThrow();
    try {
      Connection connection = PlatformJdbc.connect(url, endpoints, "ecap-test-runner-disruption-lock");
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET statement_timeout = '" + WAIT + "'");
        statement.execute("SELECT " + lock);
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
      return () -> {
        try {
          connection.close();
        } catch (SQLException e) {
          // closing the session releases the lock either way
        }
      };
    } catch (SQLException e) {
      throw new IllegalStateException("cannot take the environment's disruption lock (" + lock + ") through "
          + url + ": " + e.getMessage(), e);
    }
  }

  /** A held lock; closing releases it. */
  @FunctionalInterface
  public interface Hold extends AutoCloseable {
    @Override
    void close();
  }
}
