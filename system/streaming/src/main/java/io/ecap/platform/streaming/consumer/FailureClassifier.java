package io.ecap.platform.streaming.consumer;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Tells failures worth retrying (a dependency briefly unreachable, a serialization conflict) from those that will
 * fail the same way every time (bad data, a violated constraint, a bug), which go to the dead-letter topic at once.
 */
public final class FailureClassifier {

  private FailureClassifier() {
  }

  public static boolean isTransient(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof PermanentFailure) {
        return false;
      }
      if (t instanceof TransientFailure || t instanceof SQLTransientException || t instanceof SQLRecoverableException
          || t instanceof JedisConnectionException || t instanceof RetriableException
          || t instanceof TimeoutException || t instanceof IOException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // 08: connection exception, 40: serialization failure / deadlock, 53: insufficient resources,
        // 57P: operator intervention (e.g. server shutting down).
        // 23503 (foreign key): the referenced row is usually just not committed yet (an event can overtake the
        // write that caused it); if it never appears, the retries run out and the record is dead-lettered.
        if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57P")
            || state.equals("23503")) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
