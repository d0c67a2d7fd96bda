package io.ecap.platform.core.store;

import io.ecap.platform.core.domain.Customer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Customers in PostgreSQL. */
public final class CustomerRepository {

  private final Transactions tx;

  public CustomerRepository(Transactions tx) {
    this.tx = tx;
  }

  /** Inserts; a duplicate e-mail or id raises the unique violation (SQLSTATE 23505). */
  public void insert(Customer c) throws SQLException {
    tx.inTransaction(conn -> {
      try (PreparedStatement ps = conn.prepareStatement(
          "INSERT INTO customers (id, email, name, country, created_at) VALUES (?, ?, ?, ?, ?)")) {
        ps.setObject(1, c.id());
        ps.setString(2, c.email());
        ps.setString(3, c.name());
        ps.setString(4, c.country());
        ps.setTimestamp(5, Rows.timestamp(c.createdAt()));
        return ps.executeUpdate();
      }
    });
  }

  public Optional<Customer> find(UUID id) throws SQLException {
    return tx.read(conn -> find(conn, id));
  }

  static Optional<Customer> find(Connection conn, UUID id) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(
        "SELECT id, email, name, country, created_at FROM customers WHERE id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Customer(Rows.uuid(rs, "id"), rs.getString("email"), rs.getString("name"),
            rs.getString("country"), Rows.instant(rs, "created_at")));
      }
    }
  }
}
