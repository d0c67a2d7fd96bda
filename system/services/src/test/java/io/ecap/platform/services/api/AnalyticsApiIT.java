package io.ecap.platform.services.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecap.platform.services.support.TestPlatform;
import io.ecap.platform.services.support.TestPlatform.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analytics read endpoints over the tables the Spark jobs write: a 404 problem naming the job while a table is
 * empty, then exactly the rows a job wrote (here written by the test as the job would).
 */
class AnalyticsApiIT {

  private static TestPlatform platform;
  private static final String[] TABLES = {"analytics_customer_rfm", "analytics_customer_clv",
      "analytics_product_recommendations", "analytics_daily_revenue", "analytics_cohort_retention", "analytics_funnel"};

  @BeforeAll
  static void start() throws Exception {
    platform = TestPlatform.get();
    sql(String.join(";", java.util.Arrays.stream(TABLES).map(t -> "DELETE FROM " + t).toList()));
  }

  @AfterAll
  static void clean() throws Exception {
    sql(String.join(";", java.util.Arrays.stream(TABLES).map(t -> "DELETE FROM " + t).toList()));
  }

  private static void sql(String statements) throws SQLException {
    try (Connection c = platform.pool.getConnection(); Statement s = c.createStatement()) {
      s.execute(statements);
    }
  }

  private static UUID any(String table) throws SQLException {
    try (Connection c = platform.pool.getConnection(); Statement s = c.createStatement();
         var rs = s.executeQuery("SELECT id FROM " + table + " ORDER BY id LIMIT 1")) {
      rs.next();
      return rs.getObject(1, UUID.class);
    }
  }

  private static void assertNotComputed(Response r, String job) {
    assertThat(r.status()).as(r.body()).isEqualTo(404);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().get("detail").asText()).contains(job);
  }

  @Test
  void customerSegmentIsA404UntilTheRfmJobRanThenItsRowWithClvWhenComputed() throws Exception {
    UUID customer = any("customers");
    assertNotComputed(platform.get("/api/v1/customers/" + customer + "/segment"), "rfm job");
    sql("INSERT INTO analytics_customer_rfm VALUES ('" + customer + "', 12, 3, 45600, 4, 3, 5, 'Loyal', now())");
    JsonNode segment = platform.get("/api/v1/customers/" + customer + "/segment").json();
    assertThat(segment.get("customerId").asText()).isEqualTo(customer.toString());
    assertThat(segment.get("rfm").get("segment").asText()).isEqualTo("Loyal");
    assertThat(segment.get("rfm").get("monetaryCents").asLong()).isEqualTo(45600);
    assertThat(segment.get("rfm").get("rScore").asInt()).isEqualTo(4);
    assertThat(segment.get("clv").isNull()).isTrue();
    sql("INSERT INTO analytics_customer_clv VALUES ('" + customer + "', 3, 15200, 200, 12, 5.4, 0.9, 74000, "
        + "'historical-rate-v1', now())");
    JsonNode clv = platform.get("/api/v1/customers/" + customer + "/segment").json().get("clv");
    assertThat(clv.get("predicted12mCents").asLong()).isEqualTo(74000);
    assertThat(clv.get("pActive").asDouble()).isEqualTo(0.9);
    assertThat(platform.get("/api/v1/customers/not-a-uuid/segment").status()).isEqualTo(400);
  }

  @Test
  void recommendationsAreRankedAndEmptyForAProductBoughtWithNothing() throws Exception {
    UUID product = any("products");
    assertNotComputed(platform.get("/api/v1/products/" + product + "/recommendations"), "product-analytics job");
    assertThat(platform.get("/api/v1/products/" + UUID.randomUUID() + "/recommendations").json().get("detail")
        .asText()).startsWith("no product with id");
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    sql("INSERT INTO analytics_product_recommendations VALUES ('" + product + "', 2, '" + b + "', 3, 0.2, 1.5, now()),"
        + "('" + product + "', 1, '" + a + "', 7, 0.5, 2.5, now())");
    JsonNode body = platform.get("/api/v1/products/" + product + "/recommendations").json();
    assertThat(body.get("recommendations")).hasSize(2);
    assertThat(body.get("recommendations").get(0).get("productId").asText()).isEqualTo(a.toString());
    assertThat(body.get("recommendations").get(0).get("coOrders").asLong()).isEqualTo(7);
    assertThat(body.get("recommendations").get(1).get("lift").asDouble()).isEqualTo(1.5);
    UUID other = anyOther(product);
    assertThat(platform.get("/api/v1/products/" + other + "/recommendations").json().get("recommendations")).isEmpty();
  }

  private static UUID anyOther(UUID product) throws SQLException {
    try (Connection c = platform.pool.getConnection(); Statement s = c.createStatement();
         var rs = s.executeQuery("SELECT id FROM products WHERE id <> '" + product + "' LIMIT 1")) {
      rs.next();
      return rs.getObject(1, UUID.class);
    }
  }

  @Test
  void businessAggregatesAreServedInOrderAndDailyRevenueByRange() throws Exception {
    assertNotComputed(platform.get("/api/v1/analytics/daily-revenue"), "bi-aggregates job");
    assertNotComputed(platform.get("/api/v1/analytics/cohorts"), "bi-aggregates job");
    assertNotComputed(platform.get("/api/v1/analytics/funnel"), "bi-aggregates job");
    sql("INSERT INTO analytics_daily_revenue VALUES ('2025-01-02', 4, 3, 8000, 2000, now()),"
        + "('2025-01-01', 2, 2, 3000, 1500, now()), ('2025-01-03', 1, 1, 999, 999, now());"
        + "INSERT INTO analytics_cohort_retention VALUES ('2025-01-01', 1, 10, 4, 0.4, now()),"
        + "('2025-01-01', 0, 10, 10, 1.0, now());"
        + "INSERT INTO analytics_funnel VALUES ('PURCHASE', 5, 10, 0.5, 0.01, now()), ('PAGE_VIEW', 1, 1000, NULL, 1.0, now())");
    JsonNode all = platform.get("/api/v1/analytics/daily-revenue").json().get("days");
    assertThat(all).extracting(d -> d.get("day").asText()).containsExactly("2025-01-01", "2025-01-02", "2025-01-03");
    JsonNode range = platform.get("/api/v1/analytics/daily-revenue?from=2025-01-02&to=2025-01-02").json().get("days");
    assertThat(range).hasSize(1);
    assertThat(range.get(0).get("revenueCents").asLong()).isEqualTo(8000);
    Response bad = platform.get("/api/v1/analytics/daily-revenue?from=yesterday");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("from");
    assertThat(platform.get("/api/v1/analytics/daily-revenue?from=2025-02-01&to=2025-01-01").status()).isEqualTo(400);
    JsonNode cohorts = platform.get("/api/v1/analytics/cohorts").json().get("cohorts");
    assertThat(cohorts).extracting(c -> c.get("monthsSinceFirst").asInt()).containsExactly(0, 1);
    assertThat(cohorts.get(1).get("retention").asDouble()).isEqualTo(0.4);
    JsonNode steps = platform.get("/api/v1/analytics/funnel").json().get("steps");
    assertThat(steps).extracting(s -> s.get("step").asText()).containsExactly("PAGE_VIEW", "PURCHASE");
    assertThat(steps.get(0).get("conversionFromPrevious").isNull()).isTrue();
  }
}
