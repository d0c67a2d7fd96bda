package io.ecap.platform.streaming.notify;

import io.ecap.platform.core.events.EventJson;
import io.ecap.platform.streaming.fraud.FraudEvents;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Notifications in PostgreSQL: {@code notification_deliveries} (what was delivered, the de-duplication record) and
 * {@code notification_dead_letters} (what was not, replayable).
 */
public final class DeliveryLog {

  /** Why a notification is in the dead-letter store. */
  public enum DeadLetterReason {
    DELIVERY_FAILED, RATE_LIMITED
  }

  /** A dead letter waiting for replay. */
  public record DeadLetter(long id, Notification notification, DeadLetterReason reason, int attempts) {
  }

  public boolean delivered(Connection conn, String idempotencyKey) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(
        "SELECT 1 FROM notification_deliveries WHERE idempotency_key = ?")) {
      ps.setString(1, idempotencyKey);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  public void recordDelivered(Connection conn, Notification n, int attempts) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO notification_deliveries "
        + "(idempotency_key, channel, recipient, order_id, attempts) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      ps.setString(1, n.idempotencyKey());
      ps.setString(2, n.channel().key());
      ps.setString(3, n.recipient());
      ps.setObject(4, n.alert().orderId());
      ps.setInt(5, attempts);
      ps.executeUpdate();
    }
  }

  public void deadLetter(Connection conn, Notification n, DeadLetterReason reason, String error, int attempts)
      throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO notification_dead_letters "
        + "(idempotency_key, channel, recipient, payload, reason, last_error, attempts) VALUES (?, ?, ?, ?::jsonb, ?, ?, ?) "
        + "ON CONFLICT (idempotency_key) DO UPDATE SET reason = EXCLUDED.reason, last_error = EXCLUDED.last_error, "
        + "attempts = notification_dead_letters.attempts + EXCLUDED.attempts, replayed_at = NULL")) {
      ps.setString(1, n.idempotencyKey());
      ps.setString(2, n.channel().key());
      ps.setString(3, n.recipient());
      ps.setString(4, EventJson.write(n.alert()));
      ps.setString(5, reason.name());
      ps.setString(6, error);
      ps.setInt(7, attempts);
      ps.executeUpdate();
    }
  }

  public List<DeadLetter> pending(Connection conn, int limit) throws SQLException {
    List<DeadLetter> letters = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement("SELECT id, idempotency_key, channel, recipient, payload::text, "
        + "reason, attempts FROM notification_dead_letters WHERE replayed_at IS NULL ORDER BY id LIMIT ?")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          FraudEvents.Alert alert;
          try {
            alert = EventJson.mapper().readValue(rs.getString(5), FraudEvents.Alert.class);
          } catch (IOException e) {
            throw new SQLException("dead letter " + rs.getLong(1) + " has an unreadable payload", e);
          }
          Notification n = new Notification(rs.getString(2), Notification.Channel.valueOf(rs.getString(3).toUpperCase(
              java.util.Locale.ROOT)), rs.getString(4), alert);
          letters.add(new DeadLetter(rs.getLong(1), n, DeadLetterReason.valueOf(rs.getString(6)), rs.getInt(7)));
        }
      }
    }
    return letters;
  }

  public void markReplayed(Connection conn, long id) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(
        "UPDATE notification_dead_letters SET replayed_at = now() WHERE id = ?")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
  }

  public void recordFailedReplay(Connection conn, long id, String error, int attempts) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("UPDATE notification_dead_letters SET last_error = ?, "
        + "attempts = attempts + ?, reason = 'DELIVERY_FAILED' WHERE id = ?")) {
      ps.setString(1, error);
      ps.setInt(2, attempts);
      ps.setLong(3, id);
      ps.executeUpdate();
    }
  }
}
