package io.ecap.platform.streaming.consumer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Event ids a consumer group has processed, in PostgreSQL. Claiming happens in the caller's transaction, together
 * with the consumer's own PostgreSQL effects: either both commit or neither, so a redelivered record is seen as a
 * duplicate exactly when its effects are there. A concurrent claim of the same id (two instances during a
 * rebalance) blocks on the row lock until the first commits, then finds it taken.
 */
public final class ProcessedEventStore {

  /** Ids of {@code eventIds} not claimed before by {@code group}; they are claimed now, in {@code tx}. */
  public Set<UUID> claim(Connection tx, String group, Collection<UUID> eventIds) throws SQLException {
    Set<UUID> fresh = new HashSet<>();
    if (eventIds.isEmpty()) {
      return fresh;
    }
    Array ids = tx.createArrayOf("uuid", eventIds.toArray());
    try (PreparedStatement ps = tx.prepareStatement("INSERT INTO streaming_processed_events (consumer_group, event_id) "
        + "SELECT ?, unnest(?::uuid[]) ON CONFLICT DO NOTHING RETURNING event_id")) {
      ps.setString(1, group);
      ps.setArray(2, ids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          fresh.add(rs.getObject(1, UUID.class));
        }
      }
    } finally {
      ids.free();
    }
    return fresh;
  }

  /** Whether {@code group} has processed {@code eventId}. */
  public boolean isProcessed(Connection conn, String group, UUID eventId) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(
        "SELECT 1 FROM streaming_processed_events WHERE consumer_group = ? AND event_id = ?")) {
      ps.setString(1, group);
      ps.setObject(2, eventId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Forgets ids older than {@code retention}; returns how many. Retention must exceed the topics' retention. */
  public int purgeOlderThan(Connection conn, Duration retention) throws SQLException {
    try (Statement st = conn.createStatement()) {
      return st.executeUpdate("DELETE FROM streaming_processed_events WHERE processed_at < now() - interval '"
          + retention.toSeconds() + " seconds'");
    }
  }
}
