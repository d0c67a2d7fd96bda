package io.ecap.platform.core.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** What a PostgreSQL error means for the caller, by SQLSTATE class. */
public final class SqlStates {

  public static final String UNIQUE_VIOLATION = "23505";
  public static final String FOREIGN_KEY_VIOLATION = "23503";
  public static final String CHECK_VIOLATION = "23514";
  public static final String NOT_NULL_VIOLATION = "23502";

  private SqlStates() {
  }

  /** A constraint rejected the data: the request was wrong, the database is fine. */
  public static boolean isIntegrityViolation(Throwable e) {
    return e instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23");
  }

  /**
   * The database could not be reached or is going away: connection errors (08), shutdown (57P), pool timeouts.
   * Only these count against the circuit breaker.
   */
  public static boolean isUnavailable(Throwable e) {
    if (e instanceof SQLTransientConnectionException) {
      return true;
    }
    if (e instanceof SQLException s) {
      String state = s.getSQLState();
      return state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53"));
    }
    return false;
  }
}
