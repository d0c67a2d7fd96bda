package io.ecap.platform.analytics.jobs;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ecap.platform.analytics.SharedLake;
import io.ecap.platform.analytics.TestLake;
import io.ecap.platform.core.generator.DatasetSummary;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Product performance, co-purchase recommendations and BI aggregates on crafted baskets, then end to end. */
class ProductAndBusinessIT {

  static final StructType ITEMS = new StructType().add("order_id", DataTypes.StringType)
      .add("product_id", DataTypes.StringType).add("quantity", DataTypes.IntegerType)
      .add("unit_price_cents", DataTypes.LongType).add("customer_id", DataTypes.StringType)
      .add("status", DataTypes.StringType);
  static final StructType PRODUCTS = new StructType().add("product_id", DataTypes.StringType)
      .add("name", DataTypes.StringType).add("category", DataTypes.StringType);
  static final StructType CLICKS = new StructType().add("session_id", DataTypes.StringType)
      .add("action", DataTypes.StringType).add("product_id", DataTypes.StringType);
  static final StructType ORDERS = new StructType().add("order_id", DataTypes.StringType)
      .add("customer_id", DataTypes.StringType).add("status", DataTypes.StringType)
      .add("total_cents", DataTypes.LongType).add("placed_at", DataTypes.TimestampType);

  static Dataset<Row> items;
  static Dataset<Row> products;
  static Dataset<Row> clicks;

  @BeforeAll
  static void craft() {
    // Baskets {A,B} {A,B} {A,C} {B,C} {D}, and a cancelled {A,D} that must count for nothing.
    List<Row> lines = new ArrayList<>();
    String[][] baskets = {{"o1", "A", "B"}, {"o2", "A", "B"}, {"o3", "A", "C"}, {"o4", "B", "C"}, {"o5", "D"}};
    for (String[] b : baskets) {
      for (int i = 1; i < b.length; i++) {
        lines.add(RowFactory.create(b[0], b[i], b[i].equals("A") ? 2 : 1, 1_000L, "cust-" + b[0], "CONFIRMED"));
      }
    }
    lines.add(RowFactory.create("o6", "A", 5, 1_000L, "cust-o6", "CANCELLED"));
    lines.add(RowFactory.create("o6", "D", 5, 1_000L, "cust-o6", "CANCELLED"));
    items = TestLake.spark().createDataFrame(lines, ITEMS);
    products = TestLake.spark().createDataFrame(List.of(RowFactory.create("A", "Alpha", "toys"),
        RowFactory.create("B", "Beta", "toys"), RowFactory.create("C", "Gamma", "books"),
        RowFactory.create("D", "Delta", "books"), RowFactory.create("E", "Unsold", "books")), PRODUCTS);
    List<Row> c = new ArrayList<>();
    String[][] sessions = {{"s1", "PAGE_VIEW", "PRODUCT_VIEW", "ADD_TO_CART", "CHECKOUT", "PURCHASE"},
        {"s2", "PAGE_VIEW", "PRODUCT_VIEW", "ADD_TO_CART"}, {"s3", "PAGE_VIEW", "PRODUCT_VIEW"}, {"s4", "PAGE_VIEW"}};
    for (String[] s : sessions) {
      for (int i = 1; i < s.length; i++) {
        c.add(RowFactory.create(s[0], s[i], s[i].equals("PRODUCT_VIEW") ? "A" : null));
      }
    }
    c.add(RowFactory.create("s2", "PRODUCT_VIEW", "A"));
    clicks = TestLake.spark().createDataFrame(c, CLICKS);
  }

  @Test
  void coPurchaseRecommendationsHaveTheExpectedRankConfidenceAndLift() {
    Map<String, List<Row>> byProduct = ProductPerformance.recommendations(items).collectAsList().stream()
        .collect(Collectors.groupingBy(r -> r.getAs("product_id")));
    List<Row> forA = byProduct.get("A").stream().sorted((x, y) -> x.<Integer>getAs("rank") - y.<Integer>getAs("rank"))
        .toList();
    assertThat(forA).extracting(r -> r.getAs("recommended_product_id")).containsExactly("B", "C");
    assertThat(forA.get(0).<Long>getAs("co_orders")).isEqualTo(2);
    assertThat(forA.get(0).<Double>getAs("confidence")).isCloseTo(2 / 3.0, within(1e-12));
    // lift = P(B|A) / P(B) = (2/3) / (3/5)
    assertThat(forA.get(0).<Double>getAs("lift")).isCloseTo((2 / 3.0) / (3 / 5.0), within(1e-12));
    assertThat(forA.get(1).<Double>getAs("lift")).isCloseTo((1 / 3.0) / (2 / 5.0), within(1e-12));
    assertThat(byProduct).doesNotContainKey("D");
  }

  @Test
  void performanceCountsOnlySoldLinesAndRanksByRevenue() {
    Map<String, Row> perf = ProductPerformance.performance(items, products, clicks).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("product_id"), r -> r));
    assertThat(perf.get("A").<Long>getAs("units_sold")).isEqualTo(6);
    assertThat(perf.get("A").<Long>getAs("revenue_cents")).isEqualTo(6_000);
    assertThat(perf.get("A").<Integer>getAs("revenue_rank")).isEqualTo(1);
    assertThat(perf.get("A").<Long>getAs("views")).isEqualTo(4);
    assertThat(perf.get("A").<Double>getAs("view_to_order")).isCloseTo(3 / 4.0, within(1e-12));
    assertThat(perf.get("D").<Long>getAs("orders")).isEqualTo(1);
    assertThat(perf.get("E").<Long>getAs("orders")).isZero();
    assertThat(perf.get("E").<Integer>getAs("category_rank")).isEqualTo(3);
    assertThat(perf.get("C").<Integer>getAs("category_rank")).isEqualTo(1);
  }

  @Test
  void funnelCountsSessionsPerStepAndConversions() {
    Map<String, Row> funnel = BusinessAggregates.funnel(TestLake.spark(), clicks).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("step"), r -> r));
    assertThat(funnel.get("PAGE_VIEW").<Long>getAs("sessions")).isEqualTo(4);
    assertThat(funnel.get("PRODUCT_VIEW").<Long>getAs("sessions")).isEqualTo(3);
    assertThat(funnel.get("ADD_TO_CART").<Double>getAs("conversion_from_previous")).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(funnel.get("PURCHASE").<Double>getAs("conversion_from_start")).isCloseTo(0.25, within(1e-12));
    assertThat(funnel.get("PAGE_VIEW").isNullAt(funnel.get("PAGE_VIEW").fieldIndex("conversion_from_previous"))).isTrue();
  }

  @Test
  void dailyRevenueAndCohortRetention() {
    List<Row> orders = List.of(
        RowFactory.create("o1", "x", "CONFIRMED", 1_000L, ts("2025-01-05T10:00:00Z")),
        RowFactory.create("o2", "y", "CONFIRMED", 3_000L, ts("2025-01-05T23:00:00Z")),
        RowFactory.create("o3", "x", "CANCELLED", 9_000L, ts("2025-01-05T12:00:00Z")),
        RowFactory.create("o4", "x", "REFUNDED", 2_000L, ts("2025-02-10T10:00:00Z")),
        RowFactory.create("o5", "z", "CONFIRMED", 4_000L, ts("2025-02-11T10:00:00Z")));
    Dataset<Row> df = TestLake.spark().createDataFrame(orders, ORDERS);
    Row jan5 = BusinessAggregates.dailyRevenue(df).filter(col("day").equalTo(java.sql.Date.valueOf("2025-01-05"))).head();
    assertThat(jan5.<Long>getAs("orders")).isEqualTo(2);
    assertThat(jan5.<Long>getAs("revenue_cents")).isEqualTo(4_000);
    assertThat(jan5.<Long>getAs("avg_order_cents")).isEqualTo(2_000);
    Map<String, Double> retention = BusinessAggregates.cohorts(df).collectAsList().stream().collect(Collectors.toMap(
        r -> r.getAs("cohort_month").toString() + "+" + r.getAs("months_since_first"), r -> r.<Double>getAs("retention")));
    // January cohort {x, y}: x came back in February; February cohort {z}.
    assertThat(retention).containsExactlyInAnyOrderEntriesOf(Map.of("2025-01-01+0", 1.0, "2025-01-01+1", 0.5,
        "2025-02-01+0", 1.0));
  }

  @Test
  void jobsWriteGoldAndPostgresTablesThatAddUp() throws Exception {
    TestLake lake = SharedLake.get();
    DatasetSummary summary = SharedLake.summary();
    assertThat(new ProductPerformance(lake.environment()).execute()).isEqualTo(LakeJob.EXIT_OK);
    assertThat(new BusinessAggregates(lake.environment()).execute()).isEqualTo(LakeJob.EXIT_OK);
    assertThat(lake.count("SELECT count(*) FROM analytics_product_performance")).isEqualTo(summary.products());
    assertThat(lake.count("SELECT sum(revenue_cents) FROM analytics_daily_revenue")).isEqualTo(summary.revenueCents());
    assertThat(lake.count("SELECT sum(revenue_cents) FROM analytics_product_performance"))
        .isEqualTo(summary.revenueCents());
    assertThat(lake.count("SELECT count(*) FROM analytics_product_recommendations")).isPositive();
    long paid = lake.tables().read(io.ecap.platform.analytics.lake.Layer.SILVER, "orders")
        .filter(col("status").notEqual("CANCELLED")).count();
    assertThat(lake.count("SELECT sessions FROM analytics_funnel WHERE step = 'PURCHASE'")).isEqualTo(paid);
    assertThat(lake.count("SELECT count(*) FROM analytics_cohort_retention WHERE months_since_first = 0 "
        + "AND retention <> 1")).isZero();
  }

  private static Timestamp ts(String iso) {
    return Timestamp.from(Instant.parse(iso));
  }
}
