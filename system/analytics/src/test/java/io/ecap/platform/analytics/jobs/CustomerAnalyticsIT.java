package io.ecap.platform.analytics.jobs;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ecap.platform.analytics.SharedLake;
import io.ecap.platform.analytics.TestLake;
import io.ecap.platform.analytics.lake.Layer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFM and CLV on a crafted customer base with known answers, then both jobs end to end into the lake and PostgreSQL. */
class CustomerAnalyticsIT {

  static final StructType ORDERS = new StructType().add("order_id", DataTypes.StringType)
      .add("customer_id", DataTypes.StringType).add("status", DataTypes.StringType)
      .add("total_cents", DataTypes.LongType).add("placed_at", DataTypes.TimestampType);
  static final LocalDate REFERENCE = LocalDate.parse("2025-03-01");

  /** customer -> {recency days, orders, total cents}; chosen so every quintile holds exactly two customers. */
  static final Map<String, long[]> CUSTOMERS = Map.of(
      "c01", new long[] {1, 9, 10_000},
      "c02", new long[] {2, 1, 1_000},
      "c03", new long[] {5, 7, 5_000},
      "c04", new long[] {10, 5, 7_000},
      "c05", new long[] {20, 3, 4_000},
      "c06", new long[] {30, 8, 8_000},
      "c07", new long[] {60, 10, 9_000},
      "c08", new long[] {90, 6, 6_000},
      "c09", new long[] {120, 2, 2_000},
      "c10", new long[] {200, 4, 3_000});

  static Dataset<Row> crafted;

  @BeforeAll
  static void craft() {
    List<Row> rows = new ArrayList<>();
    CUSTOMERS.forEach((customer, spec) -> {
      long recency = spec[0];
      int n = (int) spec[1];
      long total = spec[2];
      for (int i = 0; i < n; i++) {
        long amount = i < n - 1 ? total / n : total - (total / n) * (n - 1);
        Instant at = REFERENCE.minusDays(recency + i).atTime(12, 0).toInstant(ZoneOffset.UTC);
        rows.add(RowFactory.create(customer + "-o" + i, customer, "CONFIRMED", amount, Timestamp.from(at)));
      }
    });
    // A cancelled order counts for nothing: not for c09's recency or money, not for the reference date.
    rows.add(RowFactory.create("c09-cancelled", "c09", "CANCELLED", 1_000_000L,
        Timestamp.from(Instant.parse("2025-03-05T10:00:00Z"))));
    crafted = TestLake.spark().createDataFrame(rows, ORDERS).cache();
  }

  @Test
  void rfmScoresAndSegmentsMatchTheCraftedCustomerBase() {
    assertThat(RfmSegmentation.referenceDate(crafted)).isEqualTo(java.sql.Date.valueOf(REFERENCE));
    Map<String, String> segments = new HashMap<>();
    Map<String, String> scores = new HashMap<>();
    for (Row r : RfmSegmentation.rfm(crafted, functions.lit(java.sql.Date.valueOf(REFERENCE))).collectAsList()) {
      String id = r.getAs("customer_id");
      segments.put(id, r.getAs("segment"));
      scores.put(id, "" + r.getAs("r_score") + r.getAs("f_score") + r.getAs("m_score"));
      assertThat(r.<Integer>getAs("recency_days")).isEqualTo((int) CUSTOMERS.get(id)[0]);
      assertThat(r.<Integer>getAs("frequency")).isEqualTo((int) CUSTOMERS.get(id)[1]);
      assertThat(r.<Long>getAs("monetary_cents")).isEqualTo(CUSTOMERS.get(id)[2]);
    }
    assertThat(scores).containsExactlyInAnyOrderEntriesOf(Map.of(
        "c01", "555", "c02", "511", "c03", "443", "c04", "434", "c05", "322",
        "c06", "344", "c07", "255", "c08", "233", "c09", "111", "c10", "122"));
    assertThat(segments).containsExactlyInAnyOrderEntriesOf(Map.of(
        "c01", "Champions", "c02", "New Customers", "c03", "Loyal Customers", "c04", "Potential Loyalists",
        "c05", "Needs Attention", "c06", "Loyal Customers", "c07", "Cannot Lose Them", "c08", "At Risk",
        "c09", "Hibernating", "c10", "Hibernating"));
  }

  @Test
  void clvFollowsTheStatedModel() {
    Row c01 = CustomerLifetimeValue.clv(crafted, functions.lit(java.sql.Date.valueOf(REFERENCE)))
        .filter(col("customer_id").equalTo("c01")).head();
    // c01: 9 orders on the 9 days before the reference: tenure 9 days (floored to 30), last order 1 day ago.
    double perYear = 9 / 30.0 * 365;
    double pActive = Math.exp(-1 / (3 * 365 / perYear));
    assertThat(c01.<Integer>getAs("tenure_days")).isEqualTo(9);
    assertThat(c01.<Double>getAs("orders_per_year")).isCloseTo(perYear, within(1e-9));
    assertThat(c01.<Double>getAs("p_active")).isCloseTo(pActive, within(1e-12));
    assertThat(c01.<Long>getAs("avg_order_cents")).isEqualTo(1_111);
    assertThat(c01.<Long>getAs("predicted_12m_cents")).isEqualTo(Math.round(10_000 / 9.0 * perYear * pActive));
  }

  @Test
  void jobsWriteGoldAndPostgresForEveryCustomerWithAPurchase() throws Exception {
    TestLake lake = SharedLake.get();
    assertThat(new RfmSegmentation(lake.environment()).execute()).isEqualTo(LakeJob.EXIT_OK);
    assertThat(new CustomerLifetimeValue(lake.environment()).execute()).isEqualTo(LakeJob.EXIT_OK);

    long buyers = lake.tables().read(Layer.SILVER, "orders").filter(col("status").notEqual("CANCELLED"))
        .select("customer_id").distinct().count();
    assertThat(lake.tables().read(Layer.GOLD, RfmSegmentation.GOLD_TABLE).count()).isEqualTo(buyers);
    assertThat(lake.count("SELECT count(*) FROM analytics_customer_rfm")).isEqualTo(buyers);
    assertThat(lake.count("SELECT count(*) FROM analytics_customer_clv")).isEqualTo(buyers);
    assertThat(lake.count("SELECT count(DISTINCT segment) FROM analytics_customer_rfm")).isGreaterThanOrEqualTo(5);
    assertThat(lake.count("SELECT count(*) FROM analytics_customer_clv WHERE model <> '" + CustomerLifetimeValue.MODEL
        + "'")).isZero();
    assertThat(lake.count("SELECT count(*) FROM analytics_job_runs WHERE job IN ('rfm', 'clv') AND status = 'SUCCEEDED'"))
        .isGreaterThanOrEqualTo(2);
    // A re-run replaces the rows rather than adding to them.
    assertThat(new RfmSegmentation(lake.environment()).execute()).isEqualTo(LakeJob.EXIT_OK);
    assertThat(lake.count("SELECT count(*) FROM analytics_customer_rfm")).isEqualTo(buyers);
  }
}
