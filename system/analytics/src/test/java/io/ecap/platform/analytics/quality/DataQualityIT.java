package io.ecap.platform.analytics.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.platform.analytics.TestLake;
import io.ecap.platform.analytics.jobs.LakeJob;
import io.ecap.platform.analytics.jobs.RfmSegmentation;
import io.ecap.platform.analytics.lake.Layer;
import io.ecap.platform.core.domain.Order;
import io.ecap.platform.core.domain.OrderItem;
import io.ecap.platform.core.domain.OrderStatus;
import io.ecap.platform.core.domain.Payment;
import io.ecap.platform.core.domain.PaymentStatus;
import io.ecap.platform.core.events.EventEnvelope;
import io.ecap.platform.core.events.EventJson;
import io.ecap.platform.core.events.EventTypes;
import io.ecap.platform.core.events.OrderPlaced;
import io.ecap.platform.core.events.PaymentEvent;
import io.ecap.platform.core.generator.Dataset;
import io.ecap.platform.core.generator.DatasetProfile;
import io.ecap.platform.core.generator.ECommerceDataGenerator;
import io.ecap.platform.core.generator.GeneratedOrder;
import io.ecap.platform.core.generator.sinks.JsonLinesDatasetWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** A dataset with one seeded defect per rule: each is caught by its rule with the exact row count, and blocks gold. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataQualityIT {

  @TempDir
  static Path root;
  static TestLake lake;

  @BeforeAll
  static void landWithDefects() throws Exception {
    lake = new TestLake(root);
    Path landing = Path.of(lake.config().landing());
    Dataset data = new ECommerceDataGenerator(5, DatasetProfile.of(120, 30, 400)).generate();
    try (JsonLinesDatasetWriter writer = new JsonLinesDatasetWriter(landing)) {
      data.products().forEach(writer::product);
      data.customers().forEach(writer::customer);
      data.orders().forEach(writer::order);
      data.clicks().forEach(writer::click);
    }
    UUID product = data.products().get(0).id();
    Instant at = Instant.parse("2025-01-20T10:00:00Z");
    GeneratedOrder existing = data.orders().get(0);
    UUID knownCustomer = existing.order().customerId();
    List<OrderItem> line = List.of(new OrderItem(1, product, 1, 1_000));
    // 1. an unknown customer, whose order also has a line of quantity 0
    Order unknownCustomer = new Order(UUID.randomUUID(), UUID.randomUUID(), OrderStatus.CONFIRMED, "EUR", 0, "DE", at,
        List.of(new OrderItem(1, product, 0, 1_000)));
    // 2. a negative total
    Order negative = new Order(UUID.randomUUID(), knownCustomer, OrderStatus.CONFIRMED, "EUR", -500, "DE", at, line);
    // 3. no customer at all
    Order anonymous = new Order(UUID.randomUUID(), null, OrderStatus.CONFIRMED, "EUR", 1_000, "DE", at, line);
    // 4. the first order again under a new event id (a different event claiming the same order id)
    EventEnvelope<OrderPlaced> duplicate = new EventEnvelope<>(UUID.randomUUID(), EventTypes.ORDER_PLACED, 1, at, null,
        null, OrderPlaced.of(existing.order()));
    // 5. a payment of an order that does not exist
    Payment orphan = new Payment(UUID.randomUUID(), UUID.randomUUID(), 1_000, "EUR", "card-orphan-0001", "DE",
        PaymentStatus.AUTHORIZED, at);
    List<String> orders = List.of(envelope(unknownCustomer), envelope(negative), envelope(anonymous),
        EventJson.write(duplicate));
    Files.write(landing.resolve("orders.jsonl"), orders, StandardOpenOption.APPEND);
    Files.writeString(landing.resolve("payments.jsonl"), EventJson.write(new EventEnvelope<>(UUID.randomUUID(),
        EventTypes.PAYMENT_AUTHORIZED, 1, at, null, null, PaymentEvent.of(orphan, knownCustomer))) + "\n",
        StandardOpenOption.APPEND);
  }

  private static String envelope(Order order) {
    return EventJson.write(new EventEnvelope<>(UUID.randomUUID(), EventTypes.ORDER_PLACED, 1, order.createdAt(), null,
        null, OrderPlaced.of(order)));
  }

  @AfterAll
  static void close() throws Exception {
    lake.close();
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void everySeededDefectIsCaughtByItsRuleWithItsRowCountAndNothingElseFails() throws Exception {
    DataQualityCheck check = new DataQualityCheck(lake.environment());
    assertThat(check.execute()).isEqualTo(LakeJob.EXIT_QUALITY_GATE);

    QualityReport report = check.lastReport();
    Map<String, Long> failing = report.failures().stream()
        .collect(Collectors.toMap(RuleResult::rule, RuleResult::failingRows));
    assertThat(failing).containsExactlyInAnyOrderEntriesOf(Map.of(
        "orders.customer_id.references_customers", 1L,
        "orders.total_cents.in_range", 1L,
        "orders.customer_id.complete", 1L,
        "orders.order_id.unique", 1L,
        "order_items.quantity.in_range", 1L,
        "payments.order_id.references_orders", 1L));
    assertThat(report.result("orders.total_cents.no_drift").details()).contains("no previous load");
    assertThat(report.results()).hasSize(SilverRules.all(java.time.Clock.systemUTC()).size());

    assertThat(lake.count("SELECT count(*) FROM data_quality_results WHERE run_id = '" + report.runId() + "'"))
        .isEqualTo(report.results().size());
    assertThat(lake.count("SELECT sum(failing_rows) FROM data_quality_results WHERE NOT passed")).isEqualTo(6);
    String metrics = Files.readString(root.resolve("_meta/metrics/data_quality.prom"));
    assertThat(metrics).contains("ecap_data_quality_failing_rows{rule=\"orders.total_cents.in_range\",table=\"orders\","
        + "severity=\"CRITICAL\"} 1");
  }

  @Test
  @org.junit.jupiter.api.Order(2)
  void criticalFailuresStopPromotionToGoldNamingRuleAndRows() throws Exception {
    assertThat(new RfmSegmentation(lake.environment()).execute()).isEqualTo(LakeJob.EXIT_QUALITY_GATE);

    assertThat(lake.tables().exists(Layer.GOLD, RfmSegmentation.GOLD_TABLE)).isFalse();
    String message = lake.text("SELECT message FROM analytics_job_runs WHERE job = 'rfm' AND status = 'FAILED'");
    assertThat(message).contains("silver -> gold promotion stopped by 6 critical data-quality rule(s)")
        .contains("orders.customer_id.references_customers failed on 1 of 404 rows")
        .contains("payments.order_id.references_orders failed on 1 of 401 rows");
    assertThat(lake.count("SELECT count(*) FROM analytics_customer_rfm")).isZero();
  }
}
