package io.ecap.platform.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.ecap.platform.core.domain.FraudDecision;
import io.ecap.platform.core.events.EventJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Fraud decisions, one per order (the latest replaces the previous). */
public final class FraudDecisionRepository {

  private final Transactions tx;

  public FraudDecisionRepository(Transactions tx) {
    this.tx = tx;
  }

  public void save(FraudDecision d) throws SQLException {
    tx.inTransaction(conn -> {
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO fraud_decisions "
          + "(order_id, decision, score, model_version, reasons, decided_at) VALUES (?, ?, ?, ?, ?::jsonb, ?) "
          + "ON CONFLICT (order_id) DO UPDATE SET decision = EXCLUDED.decision, score = EXCLUDED.score, "
          + "model_version = EXCLUDED.model_version, reasons = EXCLUDED.reasons, decided_at = EXCLUDED.decided_at")) {
        ps.setObject(1, d.orderId());
        ps.setString(2, d.decision().name());
        ps.setDouble(3, d.score());
        ps.setString(4, d.modelVersion());
        ps.setString(5, EventJson.write(d.reasons()));
        ps.setTimestamp(6, Rows.timestamp(d.decidedAt()));
        return ps.executeUpdate();
      }
    });
  }

  public Optional<FraudDecision> find(UUID orderId) throws SQLException {
    return tx.read(conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT order_id, decision, score, model_version, reasons::text, "
          + "decided_at FROM fraud_decisions WHERE order_id = ?")) {
        ps.setObject(1, orderId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.<FraudDecision>empty();
          }
          List<String> reasons;
          try {
            reasons = EventJson.mapper().readValue(rs.getString("reasons"), new TypeReference<List<String>>() { });
          } catch (JsonProcessingException e) {
            throw new SQLException("fraud_decisions.reasons of " + orderId + " is not a JSON array of strings", e);
          }
          return Optional.of(new FraudDecision(Rows.uuid(rs, "order_id"),
              FraudDecision.Verdict.valueOf(rs.getString("decision")), rs.getDouble("score"),
              rs.getString("model_version"), reasons, Rows.instant(rs, "decided_at")));
        }
      }
    });
  }
}
