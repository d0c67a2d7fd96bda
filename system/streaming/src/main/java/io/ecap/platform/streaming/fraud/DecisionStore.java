package io.ecap.platform.streaming.fraud;

import io.ecap.platform.core.domain.FraudDecision;
import io.ecap.platform.core.events.EventJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * Writes decisions to {@code fraud_decisions} (read by the API's fraud-decision endpoint) on the consumer's
 * transaction, so a decision commits together with the claim of the event that completed the order.
 */
final class DecisionStore {

  void save(Connection tx, FraudDecision d) throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement("INSERT INTO fraud_decisions "
        + "(order_id, decision, score, model_version, reasons, decided_at) VALUES (?, ?, ?, ?, ?::jsonb, ?) "
        + "ON CONFLICT (order_id) DO UPDATE SET decision = EXCLUDED.decision, score = EXCLUDED.score, "
        + "model_version = EXCLUDED.model_version, reasons = EXCLUDED.reasons, decided_at = EXCLUDED.decided_at")) {
      ps.setObject(1, d.orderId());
      ps.setString(2, d.decision().name());
      ps.setDouble(3, d.score());
      ps.setString(4, d.modelVersion());
      ps.setString(5, EventJson.write(d.reasons()));
      ps.setTimestamp(6, Timestamp.from(d.decidedAt()));
      ps.executeUpdate();
    }
  }
}
