package io.ecap.platform.core.store;

import io.ecap.platform.core.domain.Page;
import io.ecap.platform.core.domain.Product;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Products in PostgreSQL. */
public final class ProductRepository {

  private static final String COLUMNS = "id, sku, name, category, price_cents, currency, active, created_at";

  private final Transactions tx;

  public ProductRepository(Transactions tx) {
    this.tx = tx;
  }

  public void insert(Product p) throws SQLException {
    tx.inTransaction(conn -> {
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO products (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setObject(1, p.id());
        ps.setString(2, p.sku());
        ps.setString(3, p.name());
        ps.setString(4, p.category());
        ps.setLong(5, p.priceCents());
        ps.setString(6, p.currency());
        ps.setBoolean(7, p.active());
        ps.setTimestamp(8, Rows.timestamp(p.createdAt()));
        return ps.executeUpdate();
      }
    });
  }

  public Optional<Product> find(UUID id) throws SQLException {
    return tx.read(conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS + " FROM products WHERE id = ?")) {
        ps.setObject(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(map(rs)) : Optional.<Product>empty();
        }
      }
    });
  }

  /** The products among {@code ids} that exist, by id (one round trip). */
  static Map<UUID, Product> findAll(Connection conn, Collection<UUID> ids) throws SQLException {
    Map<UUID, Product> found = new HashMap<>();
    Array array = conn.createArrayOf("uuid", ids.toArray());
    try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS + " FROM products WHERE id = ANY (?)")) {
      ps.setArray(1, array);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Product p = map(rs);
          found.put(p.id(), p);
        }
      }
    }
    return found;
  }

  /** A page of products ordered by SKU, optionally of one category. */
  public Page<Product> list(String category, int page, int size) throws SQLException {
    return tx.read(conn -> {
      String where = category == null ? "" : " WHERE category = ?";
      long total;
      try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM products" + where)) {
        if (category != null) {
          ps.setString(1, category);
        }
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          total = rs.getLong(1);
        }
      }
      List<Product> items = new ArrayList<>();
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT " + COLUMNS + " FROM products" + where + " ORDER BY sku LIMIT ? OFFSET ?")) {
        int i = 1;
        if (category != null) {
          ps.setString(i++, category);
        }
        ps.setInt(i++, size);
        ps.setLong(i, (long) page * size);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            items.add(map(rs));
          }
        }
      }
      return new Page<>(items, page, size, total);
    });
  }

  private static Product map(ResultSet rs) throws SQLException {
    return new Product(Rows.uuid(rs, "id"), rs.getString("sku"), rs.getString("name"), rs.getString("category"),
        rs.getLong("price_cents"), rs.getString("currency"), rs.getBoolean("active"), Rows.instant(rs, "created_at"));
  }
}
