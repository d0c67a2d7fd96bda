package io.ecap.platform.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Column readers for the types JDBC does not map the way the domain wants. */
final class Rows {

  private Rows() {
  }

  static UUID uuid(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.from(instant);
  }
}
