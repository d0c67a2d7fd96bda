package io.ecap.platform.core.fraud.model;

import io.ecap.platform.core.events.EventJson;
import io.ecap.platform.core.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The model registry in PostgreSQL ({@code model_registry}, V20): versions with their exported parameters and
 * metrics, and their stage. The trainer registers and promotes; the fraud service polls {@link #production} and
 * hot-swaps its scorer when the version changes. At most one PRODUCTION version per model (a unique index).
 */
public final class ModelRegistry {

  /** The fraud model's name in the registry: what the trainer registers and the fraud service polls. */
  public static final String FRAUD_MODEL = "fraud-lr";

  private static final String COLUMNS = "model_name, version, stage, params::text, artifact_path, created_at, promoted_at";

  private final Transactions tx;

  public ModelRegistry(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /** Stores a new STAGING version numbered after the latest one; the stored parameters carry that number. */
  public RegisteredModel register(FraudModelParameters parameters, String artifactPathOf) throws SQLException {
    return tx.inTransaction(conn -> {
      lock(conn, parameters.modelName());
      int version;
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT coalesce(max(version), 0) + 1 FROM model_registry WHERE model_name = ?")) {
        ps.setString(1, parameters.modelName());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          version = rs.getInt(1);
        }
      }
      FraudModelParameters versioned = parameters.withVersion(version);
      String artifactPath = artifactPathOf.replace("{version}", Integer.toString(version));
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO model_registry (model_name, version, stage, algorithm, "
          + "metrics, params, artifact_path) VALUES (?, ?, 'STAGING', ?, ?::jsonb, ?::jsonb, ?)")) {
        ps.setString(1, versioned.modelName());
        ps.setInt(2, version);
        ps.setString(3, versioned.algorithm());
        ps.setString(4, EventJson.write(versioned.metrics()));
        ps.setString(5, FraudModelJson.write(versioned));
        ps.setString(6, artifactPath);
        ps.executeUpdate();
      }
      return find(conn, versioned.modelName(), version).orElseThrow();
    });
  }

  /** Makes {@code version} the PRODUCTION one and archives the previous PRODUCTION version, atomically. */
  public RegisteredModel promote(String modelName, int version) throws SQLException {
    return tx.inTransaction(conn -> {
      lock(conn, modelName);
      if (find(conn, modelName, version).isEmpty()) {
        throw new IllegalArgumentException("no version " + version + " of model " + modelName);
      }
      try (PreparedStatement ps = conn.prepareStatement("UPDATE model_registry SET stage = 'ARCHIVED' "
          + "WHERE model_name = ? AND stage = 'PRODUCTION' AND version <> ?")) {
        ps.setString(1, modelName);
        ps.setInt(2, version);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = conn.prepareStatement("UPDATE model_registry SET stage = 'PRODUCTION', "
          + "promoted_at = now() WHERE model_name = ? AND version = ?")) {
        ps.setString(1, modelName);
        ps.setInt(2, version);
        ps.executeUpdate();
      }
      return find(conn, modelName, version).orElseThrow();
    });
  }

  public Optional<RegisteredModel> production(String modelName) throws SQLException {
    return tx.read(conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS
          + " FROM model_registry WHERE model_name = ? AND stage = 'PRODUCTION'")) {
        ps.setString(1, modelName);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(row(rs)) : Optional.<RegisteredModel>empty();
        }
      }
    });
  }

  public Optional<RegisteredModel> version(String modelName, int version) throws SQLException {
    return tx.read(conn -> find(conn, modelName, version));
  }

  /** Every version, newest first. */
  public List<RegisteredModel> versions(String modelName) throws SQLException {
    return tx.read(conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS
          + " FROM model_registry WHERE model_name = ? ORDER BY version DESC")) {
        ps.setString(1, modelName);
        List<RegisteredModel> all = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            all.add(row(rs));
          }
        }
        return all;
      }
    });
  }

  /** Serialises registrations and promotions of one model (version numbers and the single PRODUCTION row). */
  private static void lock(Connection conn, String modelName) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('model_registry:' || ?))")) {
      ps.setString(1, modelName);
      ps.execute();
    }
  }

  private static Optional<RegisteredModel> find(Connection conn, String modelName, int version) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS
        + " FROM model_registry WHERE model_name = ? AND version = ?")) {
      ps.setString(1, modelName);
      ps.setInt(2, version);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  private static RegisteredModel row(ResultSet rs) throws SQLException {
    Timestamp promoted = rs.getTimestamp("promoted_at");
    return new RegisteredModel(rs.getString("model_name"), rs.getInt("version"), ModelStage.valueOf(rs.getString("stage")),
        FraudModelJson.read(rs.getString("params")), rs.getString("artifact_path"),
        rs.getTimestamp("created_at").toInstant(), promoted == null ? null : promoted.toInstant());
  }
}
