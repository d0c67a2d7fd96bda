package io.ecap.platform.core.generator.sinks;

import io.ecap.platform.core.domain.Customer;
import io.ecap.platform.core.domain.Order;
import io.ecap.platform.core.domain.OrderItem;
import io.ecap.platform.core.domain.Payment;
import io.ecap.platform.core.domain.Product;
import io.ecap.platform.core.events.ClickstreamEvent;
import io.ecap.platform.core.generator.DatasetSink;
import io.ecap.platform.core.generator.GeneratedOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Bulk-loads generated data with JDBC batches, parents before children in each flush. Rows that already exist
 * (same id) are skipped, so loading the same seed twice is harmless. Clickstream is not stored in PostgreSQL:
 * it goes to Kafka and the lake.
 */
public final class PostgresDatasetWriter implements DatasetSink {

  private final DataSource dataSource;
  private final int batchSize;
  private final List<Product> products = new ArrayList<>();
  private final List<Customer> customers = new ArrayList<>();
  private final List<GeneratedOrder> orders = new ArrayList<>();

  public PostgresDatasetWriter(DataSource dataSource) {
    this(dataSource, 2_000);
  }

  public PostgresDatasetWriter(DataSource dataSource, int batchSize) {
    this.dataSource = dataSource;
    this.batchSize = batchSize;
  }

  @Override
  public void product(Product product) {
    products.add(product);
    if (products.size() >= batchSize) {
      flush();
    }
  }

  @Override
  public void customer(Customer customer) {
    customers.add(customer);
    if (customers.size() >= batchSize) {
      flush();
    }
  }

  @Override
  public void order(GeneratedOrder order) {
    orders.add(order);
    if (orders.size() >= batchSize) {
      flush();
    }
  }

  @Override
  public void click(ClickstreamEvent event) {
    // Not stored here (see the class comment).
  }

  @Override
  public void close() {
    flush();
  }

  private void flush() {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      writeProducts(c);
      writeCustomers(c);
      writeOrders(c);
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("loading the generated dataset into PostgreSQL failed: " + e.getMessage(), e);
    }
    products.clear();
    customers.clear();
    orders.clear();
  }

  private void writeProducts(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO products (id, sku, name, category, price_cents, currency, "
        + "active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
      for (Product p : products) {
        ps.setObject(1, p.id());
        ps.setString(2, p.sku());
        ps.setString(3, p.name());
        ps.setString(4, p.category());
        ps.setLong(5, p.priceCents());
        ps.setString(6, p.currency());
        ps.setBoolean(7, p.active());
        ps.setTimestamp(8, Timestamp.from(p.createdAt()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void writeCustomers(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO customers (id, email, name, country, created_at) "
        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
      for (Customer cu : customers) {
        ps.setObject(1, cu.id());
        ps.setString(2, cu.email());
        ps.setString(3, cu.name());
        ps.setString(4, cu.country());
        ps.setTimestamp(5, Timestamp.from(cu.createdAt()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void writeOrders(Connection c) throws SQLException {
    if (orders.isEmpty()) {
      return;
    }
    try (PreparedStatement o = c.prepareStatement("INSERT INTO orders (id, customer_id, status, currency, total_cents, "
        + "shipping_country, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING");
         PreparedStatement i = c.prepareStatement("INSERT INTO order_items (order_id, line_no, product_id, quantity, "
             + "unit_price_cents) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
         PreparedStatement p = c.prepareStatement("INSERT INTO payments (id, order_id, amount_cents, currency, "
             + "card_fingerprint, billing_country, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
         PreparedStatement l = c.prepareStatement("INSERT INTO fraud_labels (order_id, pattern) VALUES (?, ?) "
             + "ON CONFLICT DO NOTHING")) {
      for (GeneratedOrder g : orders) {
        Order order = g.order();
        o.setObject(1, order.id());
        o.setObject(2, order.customerId());
        o.setString(3, order.status().name());
        o.setString(4, order.currency());
        o.setLong(5, order.totalCents());
        o.setString(6, order.shippingCountry());
        o.setTimestamp(7, Timestamp.from(order.createdAt()));
        o.addBatch();
        for (OrderItem item : order.items()) {
          i.setObject(1, order.id());
          i.setInt(2, item.lineNo());
          i.setObject(3, item.productId());
          i.setInt(4, item.quantity());
          i.setLong(5, item.unitPriceCents());
          i.addBatch();
        }
        Payment pay = g.payment();
        p.setObject(1, pay.id());
        p.setObject(2, pay.orderId());
        p.setLong(3, pay.amountCents());
        p.setString(4, pay.currency());
        p.setString(5, pay.cardFingerprint());
        p.setString(6, pay.billingCountry());
        p.setString(7, pay.status().name());
        p.setTimestamp(8, Timestamp.from(pay.createdAt()));
        p.addBatch();
        if (g.fraud()) {
          l.setObject(1, order.id());
          l.setString(2, g.fraudPattern().name());
          l.addBatch();
        }
      }
      o.executeBatch();
      i.executeBatch();
      p.executeBatch();
      l.executeBatch();
    }
  }
}
