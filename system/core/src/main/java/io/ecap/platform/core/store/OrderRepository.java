package io.ecap.platform.core.store;

import io.ecap.platform.core.domain.CustomerAnalytics;
import io.ecap.platform.core.domain.Order;
import io.ecap.platform.core.domain.OrderItem;
import io.ecap.platform.core.domain.OrderStatus;
import io.ecap.platform.core.domain.Page;
import io.ecap.platform.core.domain.Payment;
import io.ecap.platform.core.domain.ProductAnalytics;
import io.ecap.platform.core.domain.TopProduct;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Orders (with items and payments) and the analytics read from them. */
public final class OrderRepository {

  private static final String ORDER_COLUMNS = "id, customer_id, status, currency, total_cents, shipping_country, created_at";

  private final Transactions tx;

  public OrderRepository(Transactions tx) {
    this.tx = tx;
  }

  /** Inserts an order, its lines and its payment on the caller's connection (inside the caller's transaction). */
  static void insert(Connection conn, Order o, Payment p) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO orders (" + ORDER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setObject(1, o.id());
      ps.setObject(2, o.customerId());
      ps.setString(3, o.status().name());
      ps.setString(4, o.currency());
      ps.setLong(5, o.totalCents());
      ps.setString(6, o.shippingCountry());
      ps.setTimestamp(7, Rows.timestamp(o.createdAt()));
      ps.executeUpdate();
    }
    try (PreparedStatement ps = conn.prepareStatement(
        "INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price_cents) VALUES (?, ?, ?, ?, ?)")) {
      for (OrderItem i : o.items()) {
        ps.setObject(1, o.id());
        ps.setInt(2, i.lineNo());
        ps.setObject(3, i.productId());
        ps.setInt(4, i.quantity());
        ps.setLong(5, i.unitPriceCents());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO payments (id, order_id, amount_cents, currency, "
        + "card_fingerprint, billing_country, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setObject(1, p.id());
      ps.setObject(2, p.orderId());
      ps.setLong(3, p.amountCents());
      ps.setString(4, p.currency());
      ps.setString(5, p.cardFingerprint());
      ps.setString(6, p.billingCountry());
      ps.setString(7, p.status().name());
      ps.setTimestamp(8, Rows.timestamp(p.createdAt()));
      ps.executeUpdate();
    }
  }

  public Optional<Order> find(UUID id) throws SQLException {
    return tx.read(conn -> find(conn, id));
  }

  static Optional<Order> find(Connection conn, UUID id) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT " + ORDER_COLUMNS + " FROM orders WHERE id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Map<UUID, List<OrderItem>> items = items(conn, List.of(id));
        return Optional.of(map(rs, items.getOrDefault(id, List.of())));
      }
    }
  }

  /** A customer's orders, newest first (ties broken by id so pages never overlap). */
  public Page<Order> listByCustomer(UUID customerId, int page, int size) throws SQLException {
    return tx.read(conn -> {
      long total;
      try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM orders WHERE customer_id = ?")) {
        ps.setObject(1, customerId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          total = rs.getLong(1);
        }
      }
      Map<UUID, Order> orders = new LinkedHashMap<>();
      try (PreparedStatement ps = conn.prepareStatement("SELECT " + ORDER_COLUMNS
          + " FROM orders WHERE customer_id = ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?")) {
        ps.setObject(1, customerId);
        ps.setInt(2, size);
        ps.setLong(3, (long) page * size);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Order shell = map(rs, List.of());
            orders.put(shell.id(), shell);
          }
        }
      }
      Map<UUID, List<OrderItem>> items = orders.isEmpty() ? Map.of() : items(conn, orders.keySet());
      List<Order> full = orders.values().stream()
          .map(o -> new Order(o.id(), o.customerId(), o.status(), o.currency(), o.totalCents(), o.shippingCountry(),
              o.createdAt(), items.getOrDefault(o.id(), List.of())))
          .toList();
      return new Page<>(full, page, size, total);
    });
  }

  public CustomerAnalytics customerAnalytics(UUID customerId) throws SQLException {
    return tx.read(conn -> {
      long orders;
      long revenue;
      long paid;
      java.time.Instant first;
      java.time.Instant last;
      try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) AS orders, "
          + "coalesce(sum(total_cents) FILTER (WHERE status <> 'CANCELLED'), 0) AS revenue, "
          + "count(*) FILTER (WHERE status <> 'CANCELLED') AS paid, min(created_at) AS first, max(created_at) AS last "
          + "FROM orders WHERE customer_id = ?")) {
        ps.setObject(1, customerId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          orders = rs.getLong("orders");
          revenue = rs.getLong("revenue");
          paid = rs.getLong("paid");
          first = Rows.instant(rs, "first");
          last = Rows.instant(rs, "last");
        }
      }
      String favourite = null;
      try (PreparedStatement ps = conn.prepareStatement("SELECT p.category FROM order_items i "
          + "JOIN orders o ON o.id = i.order_id JOIN products p ON p.id = i.product_id "
          + "WHERE o.customer_id = ? AND o.status <> 'CANCELLED' "
          + "GROUP BY p.category ORDER BY sum(i.quantity) DESC, p.category LIMIT 1")) {
        ps.setObject(1, customerId);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            favourite = rs.getString(1);
          }
        }
      }
      return new CustomerAnalytics(customerId, orders, revenue, paid == 0 ? 0 : revenue / paid, first, last, favourite);
    });
  }

  public ProductAnalytics productAnalytics(UUID productId) throws SQLException {
    return tx.read(conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT count(DISTINCT o.id) AS orders, "
          + "coalesce(sum(i.quantity), 0) AS units, coalesce(sum(i.quantity * i.unit_price_cents), 0) AS revenue, "
          + "count(DISTINCT o.customer_id) AS customers, max(o.created_at) AS last "
          + "FROM order_items i JOIN orders o ON o.id = i.order_id "
          + "WHERE i.product_id = ? AND o.status <> 'CANCELLED'")) {
        ps.setObject(1, productId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return new ProductAnalytics(productId, rs.getLong("orders"), rs.getLong("units"), rs.getLong("revenue"),
              rs.getLong("customers"), Rows.instant(rs, "last"));
        }
      }
    });
  }

  /** Best sellers by revenue over orders that were not cancelled, optionally in one category. */
  public List<TopProduct> topProducts(String category, int limit) throws SQLException {
    return tx.read(conn -> {
      String filter = category == null ? "" : " AND p.category = ?";
      try (PreparedStatement ps = conn.prepareStatement("SELECT p.id, p.name, p.category, sum(i.quantity) AS units, "
          + "sum(i.quantity * i.unit_price_cents) AS revenue FROM order_items i "
          + "JOIN orders o ON o.id = i.order_id JOIN products p ON p.id = i.product_id "
          + "WHERE o.status <> 'CANCELLED'" + filter
          + " GROUP BY p.id, p.name, p.category ORDER BY revenue DESC, p.id LIMIT ?")) {
        int i = 1;
        if (category != null) {
          ps.setString(i++, category);
        }
        ps.setInt(i, limit);
        List<TopProduct> top = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            top.add(new TopProduct(top.size() + 1, Rows.uuid(rs, "id"), rs.getString("name"), rs.getString("category"),
                rs.getLong("units"), rs.getLong("revenue")));
          }
        }
        return top;
      }
    });
  }

  private static Map<UUID, List<OrderItem>> items(Connection conn, java.util.Collection<UUID> orderIds) throws SQLException {
    Map<UUID, List<OrderItem>> items = new HashMap<>();
    Array array = conn.createArrayOf("uuid", orderIds.toArray());
    try (PreparedStatement ps = conn.prepareStatement("SELECT order_id, line_no, product_id, quantity, unit_price_cents "
        + "FROM order_items WHERE order_id = ANY (?) ORDER BY order_id, line_no")) {
      ps.setArray(1, array);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.computeIfAbsent(Rows.uuid(rs, "order_id"), k -> new ArrayList<>())
              .add(new OrderItem(rs.getInt("line_no"), Rows.uuid(rs, "product_id"), rs.getInt("quantity"),
                  rs.getLong("unit_price_cents")));
        }
      }
    }
    return items;
  }

  private static Order map(ResultSet rs, List<OrderItem> items) throws SQLException {
    return new Order(Rows.uuid(rs, "id"), Rows.uuid(rs, "customer_id"), OrderStatus.valueOf(rs.getString("status")),
        rs.getString("currency"), rs.getLong("total_cents"), rs.getString("shipping_country"),
        Rows.instant(rs, "created_at"), items);
  }
}
