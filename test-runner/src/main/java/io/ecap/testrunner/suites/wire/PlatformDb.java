package io.ecap.testrunner.suites.wire;

import io.ecap.testrunner.suites.Endpoints;
import io.ecap.testrunner.suites.PlatformJdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Read-only looks at the platform's PostgreSQL tables of the streaming, fraud and notification services. */
public final class PlatformDb implements AutoCloseable {

  /** One row of notification_deliveries. */
  public record Delivery(String channel, String recipient, UUID orderId, int attempts) {
  }

  private final Connection connection;

  public PlatformDb(Endpoints endpoints) {
    connection = PlatformJdbc.readOnly(endpoints);
  }

  /** The value of one window's dimension in streaming_window_aggregates (0 when there is no row). */
  public synchronized long windowValue(String window, String metric, long start, String dimension) {
    List<Long> v = query("SELECT value FROM streaming_window_aggregates WHERE window_name = ? AND metric = ?"
        + " AND window_start = ? AND dimension = ?", rs -> rs.getLong(1), window, metric,
        Timestamp.from(Instant.ofEpochMilli(start)), dimension);
    return v.isEmpty() ? 0 : v.get(0);
  }

  /** Rows of a dimension in any window (a fresh dimension has none). */
  public synchronized long rowsOfDimension(String dimension) {
    return query("SELECT count(*) FROM streaming_window_aggregates WHERE dimension = ?", rs -> rs.getLong(1),
        dimension).get(0);
  }

  /** The consumer groups that recorded the event as late in streaming_late_events. */
  public synchronized List<String> lateEvent(UUID eventId) {
    return query("SELECT consumer_group FROM streaming_late_events WHERE event_id = ?", rs -> rs.getString(1), eventId);
  }

  public synchronized List<Delivery> deliveries(UUID orderId) {
    return query("SELECT channel, recipient, order_id, attempts FROM notification_deliveries WHERE order_id = ?",
        rs -> new Delivery(rs.getString(1), rs.getString(2), (UUID) rs.getObject(3), rs.getInt(4)), orderId);
  }

  /** Fraud decision rows of an order: decision, score and model version as "DECISION score version". */
  public synchronized List<String> fraudDecision(UUID orderId) {
    return query("SELECT decision, score, model_version FROM fraud_decisions WHERE order_id = ?",
        rs -> rs.getString(1) + " " + rs.getDouble(2) + " " + rs.getString(3), orderId);
  }

  /** The PRODUCTION version of a model in model_registry: its version and exported parameters (JSON). */
  public record RegisteredModel(int version, String params) {
  }

  public synchronized java.util.Optional<RegisteredModel> productionModel(String name) {
    return query("SELECT version, params::text FROM model_registry WHERE model_name = ? AND stage = 'PRODUCTION'",
        rs -> new RegisteredModel(rs.getInt(1), rs.getString(2)), name).stream().findFirst();
  }

  @FunctionalInterface
  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, Row<T> row, Object... params) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row.read(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("query failed (" + sql + "): " + e.getMessage(), e);
    }
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
