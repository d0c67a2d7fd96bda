package io.ecap.platform.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.ecap.platform.core.domain.Customer;
import io.ecap.platform.core.domain.FraudDecision;
import io.ecap.platform.core.domain.Order;
import io.ecap.platform.core.domain.Page;
import io.ecap.platform.core.domain.Product;
import io.ecap.platform.core.generator.DatasetProfile;
import io.ecap.platform.core.generator.DatasetSummary;
import io.ecap.platform.core.orders.IdempotencyConflict;
import io.ecap.platform.core.orders.OrderPlacement;
import io.ecap.platform.core.orders.OrderRejected;
import io.ecap.platform.core.orders.PlaceOrder;
import io.ecap.platform.core.orders.Placement;
import io.ecap.platform.core.orders.TraceContext;
import io.ecap.platform.core.testdata.DataQualityReport;
import io.ecap.platform.core.testdata.IntegrationTestDataManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Migrations, repositories, order placement and the data manager against a real PostgreSQL. */
class StoreIT {

  private static EmbeddedPostgres postgres;
  private static HikariDataSource pool;
  private static Transactions tx;
  private static DatasetSummary seeded;
  private static IntegrationTestDataManager data;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    pool = Database.pool(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", 4);
    assertThat(Database.migrate(pool).migrationsExecuted).isGreaterThanOrEqualTo(1);
    tx = new Transactions(pool);
    data = new IntegrationTestDataManager(pool, () -> {
      throw new IllegalStateException("no Kafka in this test");
    });
    seeded = data.createDataset(DatasetProfile.of(300, 80, 1_500), 11);
  }

  @AfterAll
  static void stop() throws Exception {
    pool.close();
    postgres.close();
  }

  @Test
  void migrationsAreIdempotentAndSeedingTwiceChangesNothing() throws SQLException {
    assertThat(Database.migrate(pool).migrationsExecuted).isZero();
    long before = count("SELECT count(*) FROM orders");
    data.createDataset(DatasetProfile.of(300, 80, 1_500), 11);
    assertThat(count("SELECT count(*) FROM orders")).isEqualTo(before);
    assertThat(count("SELECT count(*) FROM fraud_labels")).isEqualTo(seeded.fraudOrders());
  }

  @Test
  void seededDataPassesEveryQualityRule() throws SQLException {
    DataQualityReport report = data.validateDataQuality();
    assertThat(report.failures()).isEmpty();
    assertThat(report.fraudShare()).isBetween(0.0, 0.05);
  }

  @Test
  void qualityRulesCatchBrokenData() throws SQLException {
    UUID order = firstOrder();
    exec("UPDATE orders SET total_cents = total_cents + 1 WHERE id = '" + order + "'");
    try {
      DataQualityReport report = data.validateDataQuality();
      assertThat(report.failures()).extracting(DataQualityReport.Check::name)
          .contains("order_total_matches_items", "payment_matches_order");
    } finally {
      exec("UPDATE orders SET total_cents = total_cents - 1 WHERE id = '" + order + "'");
    }
  }

  @Test
  void constraintsRejectInconsistentRows() throws SQLException {
    assertState("23503", "INSERT INTO orders VALUES ('" + UUID.randomUUID() + "', '" + UUID.randomUUID()
        + "', 'CONFIRMED', 'EUR', 10, 'DE', now())");
    assertState("23514", "UPDATE products SET price_cents = -1 WHERE id = (SELECT id FROM products LIMIT 1)");
    assertState("23514", "UPDATE orders SET status = 'LOST' WHERE id = '" + firstOrder() + "'");
    assertState("23505", "INSERT INTO customers SELECT '" + UUID.randomUUID() + "', email, name, country, created_at "
        + "FROM customers LIMIT 1");
    assertState("23505", "INSERT INTO outbox (event_id, topic, record_key, payload) VALUES "
        + "('00000000-0000-4000-8000-000000000001', 'orders', 'k', '{}'), ('00000000-0000-4000-8000-000000000001', 'orders', 'k', '{}')");
  }

  @Test
  void placingAnOrderPricesFromTheCatalogueAndWritesItsEvents() throws Exception {
    Customer customer = customer();
    Product product = activeProduct();
    OrderPlacement placement = new OrderPlacement(tx, Clock.systemUTC());
    PlaceOrder request = new PlaceOrder(customer.id(), List.of(new PlaceOrder.Line(product.id(), 3)), "DE",
        "card-0000000001", "DE");
    String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    Placement first = placement.place(request, "key-" + UUID.randomUUID(), "h1", new TraceContext(traceparent, "corr-1"));
    Order order = first.order();
    assertThat(order.totalCents()).isEqualTo(3 * product.priceCents());
    assertThat(new OrderRepository(tx).find(order.id())).contains(order);
    long pending = count("SELECT count(*) FROM outbox WHERE published_at IS NULL AND payload::text LIKE '%" + order.id()
        + "%' AND traceparent = '" + traceparent + "'");
    assertThat(pending).isEqualTo(2);
    Page<Order> page = new OrderRepository(tx).listByCustomer(customer.id(), 0, 100);
    assertThat(page.items()).extracting(Order::id).contains(order.id());
  }

  @Test
  void idempotencyKeyReplaysTheSameOrderAndRejectsAnotherBody() throws Exception {
    OrderPlacement placement = new OrderPlacement(tx, Clock.systemUTC());
    PlaceOrder request = new PlaceOrder(customer().id(), List.of(new PlaceOrder.Line(activeProduct().id(), 1)), "FR",
        "card-0000000002", "FR");
    String key = "idem-" + UUID.randomUUID();
    Placement first = placement.place(request, key, "hash-a", TraceContext.NONE);
    Placement again = placement.place(request, key, "hash-a", TraceContext.NONE);
    assertThat(first.replayed()).isFalse();
    assertThat(again.replayed()).isTrue();
    assertThat(again.order()).isEqualTo(first.order());
    assertThatThrownBy(() -> placement.place(request, key, "hash-b", TraceContext.NONE)).isInstanceOf(IdempotencyConflict.class);
  }

  @Test
  void unknownCustomerOrInactiveProductIsRejectedWithTheField() throws Exception {
    OrderPlacement placement = new OrderPlacement(tx, Clock.systemUTC());
    PlaceOrder unknownCustomer = new PlaceOrder(UUID.randomUUID(), List.of(new PlaceOrder.Line(activeProduct().id(), 1)),
        "DE", "card-0000000003", "DE");
    assertThatThrownBy(() -> placement.place(unknownCustomer, null, "h", TraceContext.NONE))
        .isInstanceOf(OrderRejected.class).extracting(e -> ((OrderRejected) e).field()).isEqualTo("customerId");
    UUID inactive = UUID.randomUUID();
    exec("INSERT INTO products VALUES ('" + inactive + "', 'SKU-OFF-" + inactive.toString().substring(0, 8)
        + "', 'Old', 'home', 100, 'EUR', false, now())");
    PlaceOrder request = new PlaceOrder(customer().id(), List.of(new PlaceOrder.Line(activeProduct().id(), 1),
        new PlaceOrder.Line(inactive, 1)), "DE", "card-0000000003", "DE");
    assertThatThrownBy(() -> placement.place(request, null, "h", TraceContext.NONE))
        .isInstanceOf(OrderRejected.class).extracting(e -> ((OrderRejected) e).field()).isEqualTo("items[1].productId");
  }

  @Test
  void fraudDecisionsAreStoredAndReplaced() throws SQLException {
    UUID order = firstOrder();
    FraudDecisionRepository repo = new FraudDecisionRepository(tx);
    repo.save(new FraudDecision(order, FraudDecision.Verdict.REVIEW, 0.6, "rules-1", List.of("velocity"), Instant.parse("2025-02-01T10:00:00Z")));
    repo.save(new FraudDecision(order, FraudDecision.Verdict.DECLINE, 0.93, "rules-1", List.of("velocity", "new card"),
        Instant.parse("2025-02-01T10:00:01Z")));
    FraudDecision d = repo.find(order).orElseThrow();
    assertThat(d.decision()).isEqualTo(FraudDecision.Verdict.DECLINE);
    assertThat(d.reasons()).containsExactly("velocity", "new card");
  }

  @Test
  void analyticsAddUpToTheOrders() throws SQLException {
    OrderRepository orders = new OrderRepository(tx);
    var top = orders.topProducts(null, 5);
    assertThat(top).hasSize(5);
    assertThat(top.get(0).revenueCents()).isGreaterThanOrEqualTo(top.get(4).revenueCents());
    var product = orders.productAnalytics(top.get(0).productId());
    assertThat(product.revenueCents()).isEqualTo(top.get(0).revenueCents());
    UUID customer = UUID.fromString(String.valueOf(scalar("SELECT customer_id FROM orders GROUP BY customer_id "
        + "ORDER BY count(*) DESC LIMIT 1")));
    var analytics = orders.customerAnalytics(customer);
    assertThat(analytics.orders()).isEqualTo(count("SELECT count(*) FROM orders WHERE customer_id = '" + customer + "'"));
    assertThat(analytics.favouriteCategory()).isNotNull();
  }

  private static Customer customer() throws SQLException {
    UUID id = UUID.fromString(String.valueOf(scalar("SELECT id FROM customers ORDER BY id LIMIT 1")));
    return new CustomerRepository(tx).find(id).orElseThrow();
  }

  private static Product activeProduct() throws SQLException {
    UUID id = UUID.fromString(String.valueOf(scalar("SELECT id FROM products WHERE active ORDER BY id LIMIT 1")));
    return new ProductRepository(tx).find(id).orElseThrow();
  }

  private static UUID firstOrder() throws SQLException {
    return UUID.fromString(String.valueOf(scalar("SELECT id FROM orders ORDER BY id LIMIT 1")));
  }

  private static void assertState(String state, String sql) {
    assertThatThrownBy(() -> exec(sql)).isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(state);
  }

  private static void exec(String sql) throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static Object scalar(String sql) throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getObject(1);
    }
  }

  private static long count(String sql) throws SQLException {
    return ((Number) scalar(sql)).longValue();
  }
}
