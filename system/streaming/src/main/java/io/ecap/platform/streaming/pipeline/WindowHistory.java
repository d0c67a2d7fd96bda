package io.ecap.platform.streaming.pipeline;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The windowed aggregates in PostgreSQL ({@code streaming_window_aggregates}): the durable truth from which Redis is
 * projected. Writes happen in the consumer's transaction, so they commit with the claim of the events' ids.
 */
public final class WindowHistory {

  /**
   * Adds {@code deltas} to their cells and returns the new totals. Closed windows are left as they are (their
   * cells are absent from the result).
   */
  public Map<AggregateKey, Long> add(Connection tx, Map<AggregateKey, Long> deltas) throws SQLException {
    int n = deltas.size();
    String[] names = new String[n];
    String[] metrics = new String[n];
    Long[] starts = new Long[n];
    String[] dims = new String[n];
    Long[] ends = new Long[n];
    Long[] values = new Long[n];
    int i = 0;
    for (Map.Entry<AggregateKey, Long> e : deltas.entrySet()) {
      AggregateKey k = e.getKey();
      names[i] = k.windowName();
      metrics[i] = k.metric().key();
      starts[i] = k.windowStart().toEpochMilli();
      dims[i] = k.dimension();
      ends[i] = k.windowEnd().toEpochMilli();
      values[i] = e.getValue();
      i++;
    }
    Map<AggregateKey, Long> totals = new HashMap<>();
    try (PreparedStatement ps = tx.prepareStatement("INSERT INTO streaming_window_aggregates AS a "
        + "(window_name, metric, window_start, dimension, window_end, value) "
        + "SELECT n, m, to_timestamp(s / 1000.0), d, to_timestamp(e / 1000.0), v "
        + "FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::bigint[], ?::bigint[]) AS t(n, m, s, d, e, v) "
        + "ON CONFLICT (window_name, metric, window_start, dimension) DO UPDATE "
        + "SET value = a.value + EXCLUDED.value, updated_at = now() WHERE NOT a.closed "
        + "RETURNING window_name, metric, window_start, window_end, dimension, value")) {
      List<Array> arrays = List.of(tx.createArrayOf("text", names), tx.createArrayOf("text", metrics),
          tx.createArrayOf("bigint", starts), tx.createArrayOf("text", dims), tx.createArrayOf("bigint", ends),
          tx.createArrayOf("bigint", values));
      for (int p = 0; p < arrays.size(); p++) {
        ps.setArray(p + 1, arrays.get(p));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          totals.put(key(rs), rs.getLong("value"));
        }
      }
    }
    return totals;
  }

  /** Marks windows that ended at or before {@code cutoff} closed; returns how many. */
  public int closeUpTo(Connection tx, Instant cutoff) throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(
        "UPDATE streaming_window_aggregates SET closed = true WHERE NOT closed AND window_end <= ?")) {
      ps.setTimestamp(1, Timestamp.from(cutoff));
      return ps.executeUpdate();
    }
  }

  /** Cells of windows that ended less than {@code horizon} before the latest one (what Redis should hold). */
  public Map<AggregateKey, Long> recent(Connection conn, Duration horizon) throws SQLException {
    Map<AggregateKey, Long> cells = new HashMap<>();
    try (PreparedStatement ps = conn.prepareStatement("SELECT window_name, metric, window_start, window_end, dimension, "
        + "value FROM streaming_window_aggregates WHERE window_end >= "
        + "(SELECT max(window_end) FROM streaming_window_aggregates) - ?::interval")) {
      ps.setString(1, horizon.toSeconds() + " seconds");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          cells.put(key(rs), rs.getLong("value"));
        }
      }
    }
    return cells;
  }

  /** Keeps a late event (one whose windows had all closed) so it is accounted for, not silently dropped. */
  public void recordLate(Connection tx, String group, UUID eventId, String topic, Instant eventTime, Instant watermark)
      throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement("INSERT INTO streaming_late_events "
        + "(consumer_group, event_id, topic, event_time, watermark) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      ps.setString(1, group);
      ps.setObject(2, eventId);
      ps.setString(3, topic);
      ps.setTimestamp(4, Timestamp.from(eventTime));
      ps.setTimestamp(5, Timestamp.from(watermark));
      ps.executeUpdate();
    }
  }

  private static AggregateKey key(ResultSet rs) throws SQLException {
    return new AggregateKey(rs.getString("window_name"), Metric.ofKey(rs.getString("metric")),
        rs.getTimestamp("window_start").toInstant(), rs.getTimestamp("window_end").toInstant(),
        rs.getString("dimension"));
  }
}
