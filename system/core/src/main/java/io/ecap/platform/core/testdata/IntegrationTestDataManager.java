package io.ecap.platform.core.testdata;

import io.ecap.platform.core.generator.DatasetProfile;
import io.ecap.platform.core.generator.DatasetSink;
import io.ecap.platform.core.generator.DatasetSummary;
import io.ecap.platform.core.generator.ECommerceDataGenerator;
import io.ecap.platform.core.generator.sinks.JsonLinesDatasetWriter;
import io.ecap.platform.core.generator.sinks.KafkaDatasetPublisher;
import io.ecap.platform.core.generator.sinks.PostgresDatasetWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;

/**
 * What suites and the seeding job use to prepare data: create a dataset of a size, set up streaming data on
 * Kafka, and check the quality of what is stored. Different seeds give disjoint ids and e-mails, so suites that
 * each use their own seed can share one environment.
 */
public final class IntegrationTestDataManager {

  private static final String[][] QUALITY_RULES = {
      {"order_total_matches_items", "orders.total_cents equals the sum of its lines",
          "SELECT count(*) FROM orders o WHERE o.total_cents <> (SELECT coalesce(sum(i.quantity * i.unit_price_cents), 0) "
              + "FROM order_items i WHERE i.order_id = o.id)"},
      {"order_has_items", "every order has at least one line",
          "SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id)"},
      {"order_has_payment", "every order has its payment",
          "SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id)"},
      {"payment_matches_order", "a payment's amount and currency are its order's",
          "SELECT count(*) FROM payments p JOIN orders o ON o.id = p.order_id "
              + "WHERE p.amount_cents <> o.total_cents OR p.currency <> o.currency"},
      {"order_after_signup", "no order is older than its customer's account",
          "SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.created_at < c.created_at"},
      {"no_future_timestamps", "no order or customer is dated in the future",
          "SELECT (SELECT count(*) FROM orders WHERE created_at > now() + interval '5 minutes') "
              + "+ (SELECT count(*) FROM customers WHERE created_at > now() + interval '5 minutes')"},
      {"line_currency_consistent", "every line's product is priced in its order's currency",
          "SELECT count(*) FROM order_items i JOIN orders o ON o.id = i.order_id JOIN products p ON p.id = i.product_id "
              + "WHERE p.currency <> o.currency"},
  };

  private final DataSource dataSource;
  private final Supplier<Producer<String, byte[]>> producers;

  /** @param producers makes a Kafka producer when streaming data is asked for (closed after use) */
  public IntegrationTestDataManager(DataSource dataSource, Supplier<Producer<String, byte[]>> producers) {
    this.dataSource = dataSource;
    this.producers = producers;
  }

  /** Generates the dataset and loads it into PostgreSQL (idempotent for the same seed). */
  public DatasetSummary createDataset(DatasetProfile profile, long seed) {
    return new ECommerceDataGenerator(seed, profile).generate(new PostgresDatasetWriter(dataSource));
  }

  /** As {@link #createDataset(DatasetProfile, long)}, and also writes the lake landing files under {@code lakeDirectory}. */
  public DatasetSummary createDataset(DatasetProfile profile, long seed, Path lakeDirectory) {
    return new ECommerceDataGenerator(seed, profile)
        .generate(DatasetSink.tee(new PostgresDatasetWriter(dataSource), new JsonLinesDatasetWriter(lakeDirectory)));
  }

  /**
   * Live-looking data for streaming tests: orders dated from {@code start} on are stored in PostgreSQL (as the API
   * would) and published to the orders, payments and clickstream topics.
   */
  public DatasetSummary setUpStreamingData(DatasetProfile profile, long seed, Instant start) {
    try (Producer<String, byte[]> producer = producers.get()) {
      return new ECommerceDataGenerator(seed, profile, start)
          .generate(DatasetSink.tee(new PostgresDatasetWriter(dataSource), new KafkaDatasetPublisher(producer)));
    }
  }

  /** Runs every consistency rule over what is stored now. */
  public DataQualityReport validateDataQuality() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      List<DataQualityReport.Check> checks = new ArrayList<>();
      for (String[] rule : QUALITY_RULES) {
        checks.add(new DataQualityReport.Check(rule[0], rule[1], count(c, rule[2])));
      }
      long orders = count(c, "SELECT count(*) FROM orders");
      long fraud = count(c, "SELECT count(*) FROM fraud_labels");
      return new DataQualityReport(checks, orders, orders == 0 ? 0 : (double) fraud / orders);
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
