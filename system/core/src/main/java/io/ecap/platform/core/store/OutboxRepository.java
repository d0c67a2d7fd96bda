package io.ecap.platform.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The transactional outbox: rows are added with the write that causes them and marked once Kafka has them. */
public final class OutboxRepository {

  private final Transactions tx;

  public OutboxRepository(Transactions tx) {
    this.tx = tx;
  }

  /** Adds an event inside the caller's transaction. */
  public static void add(Connection conn, OutboxEvent e) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO outbox "
        + "(event_id, topic, record_key, payload, traceparent, correlation_id) VALUES (?, ?, ?, ?::json, ?, ?)")) {
      ps.setObject(1, e.eventId());
      ps.setString(2, e.topic());
      ps.setString(3, e.key());
      ps.setString(4, e.payload());
      ps.setString(5, e.traceparent());
      ps.setString(6, e.correlationId());
      ps.executeUpdate();
    }
  }

  /** The oldest unpublished events, in the order they were written. */
  public List<OutboxEvent> pending(int limit) throws SQLException {
    return tx.read(conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT seq, event_id, topic, record_key, payload::text AS payload, "
          + "traceparent, correlation_id FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT ?")) {
        ps.setInt(1, limit);
        List<OutboxEvent> events = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            events.add(new OutboxEvent(rs.getLong("seq"), Rows.uuid(rs, "event_id"), rs.getString("topic"),
                rs.getString("record_key"), rs.getString("payload"), rs.getString("traceparent"),
                rs.getString("correlation_id")));
          }
        }
        return events;
      }
    });
  }

  public void markPublished(List<Long> seqs) throws SQLException {
    if (seqs.isEmpty()) {
      return;
    }
    tx.inTransaction(conn -> {
      try (PreparedStatement ps = conn.prepareStatement("UPDATE outbox SET published_at = now() WHERE seq = ANY (?)")) {
        ps.setArray(1, conn.createArrayOf("bigint", seqs.toArray()));
        return ps.executeUpdate();
      }
    });
  }

  public long pendingCount() throws SQLException {
    return tx.read(conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM outbox WHERE published_at IS NULL");
           ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }
}
