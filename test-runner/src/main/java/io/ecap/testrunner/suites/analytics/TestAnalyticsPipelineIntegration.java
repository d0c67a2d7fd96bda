package io.ecap.testrunner.suites.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecap.testrunner.suites.Endpoint;
import io.ecap.testrunner.suites.Endpoints;
import io.ecap.testrunner.suites.PlatformHttp;
import io.ecap.testrunner.suites.RequiresEndpoints;
import io.ecap.testrunner.suites.api.ExercisedRoutes;
import io.ecap.testrunner.suites.api.Exercises;
import io.ecap.testrunner.suites.lake.AnalyticsDb;
import io.ecap.testrunner.suites.lake.Differences;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code analytics} suite: customer lifetime value, product performance and "bought together"
 * recommendations, and the BI aggregates (daily revenue, cohorts) each equal an independent SQL computation over
 * the seeded orders; the API serves the stored rows. An oracle test skips when its job has not run; an API test
 * then checks the route's 404 problem naming the job instead.
 */
@Tag("analytics")
@RequiresEndpoints({Endpoint.API, Endpoint.JDBC})
@ExtendWith(ExercisedRoutes.class)
class TestAnalyticsPipelineIntegration extends AnalyticsSuite {

  @Test
  void customerLifetimeValueEqualsTheDocumentedModelOverTheSeededOrders() {
    db.requireSucceeded("clv");
    Differences.assertSameRows(db, "analytics_customer_clv", AnalyticsOracles.CLV_TABLE, AnalyticsOracles.CLV);
    assertThat(db.count("SELECT count(DISTINCT model) FROM analytics_customer_clv WHERE model = "
        + "'historical-rate-with-recency-decay-v1'")).as("the documented model named on every row").isOne();
    assertThat(db.count("SELECT count(*) FROM analytics_customer_clv c JOIN analytics_customer_rfm r "
        + "USING (customer_id) WHERE c.recency_days <> r.recency_days OR c.orders <> r.frequency"))
        .as("CLV and RFM measure recency and orders to the same reference date").isZero();
  }

  @Test
  void productPerformanceAndRecommendationsEqualTheSqlOracle() {
    db.requireSucceeded("product-analytics");
    Differences.assertSameRows(db, "analytics_product_performance", AnalyticsOracles.PRODUCTS_TABLE,
        AnalyticsOracles.PRODUCTS);
    Differences.assertSameRows(db, "analytics_product_recommendations", AnalyticsOracles.RECOMMENDATIONS_TABLE,
        AnalyticsOracles.RECOMMENDATIONS);
  }

  @Test
  @Exercises("GET /api/v1/products/{productId}/recommendations")
  void theApiServesTheStoredRecommendationsOfTheBestSellers() {
    List<List<Object>> best = db.rows("SELECT id FROM products WHERE created_at < " + AnalyticsDb.CUTOFF
        + " ORDER BY id LIMIT 1");
    if (db.latestRun("product-analytics").isEmpty()) {
      assertThat(best).isNotEmpty();
      PlatformHttp.Response r = api.get("/api/v1/products/" + best.get(0).get(0) + "/recommendations");
      assertNotComputed(r, "product-analytics job");
      return;
    }
    db.requireSucceeded("product-analytics");
    List<List<Object>> top = db.rows("SELECT product_id FROM analytics_product_performance ORDER BY revenue_rank LIMIT 5");
    assertThat(top).hasSize(5);
    int served = 0;
    for (List<Object> product : top) {
      List<List<Object>> stored = db.rows("SELECT recommended_product_id, co_orders FROM "
          + "analytics_product_recommendations WHERE product_id = ? ORDER BY rank", product.get(0));
      JsonNode body = api.get("/api/v1/products/" + product.get(0) + "/recommendations").json();
      List<List<Object>> shown = new ArrayList<>();
      for (JsonNode rec : body.get("recommendations")) {
        shown.add(List.of(java.util.UUID.fromString(rec.get("productId").asText()), rec.get("coOrders").asLong()));
      }
      assertThat(shown).as("recommendations of %s", product.get(0)).isEqualTo(stored);
      served += shown.size();
    }
    assertThat(served).as("best sellers are bought with something").isPositive();
  }

  @Test
  void dailyRevenueAndCohortsEqualTheSqlOracle() {
    db.requireSucceeded("bi-aggregates");
    Differences.assertSameRows(db, "analytics_daily_revenue", AnalyticsOracles.DAILY_REVENUE_TABLE,
        AnalyticsOracles.DAILY_REVENUE);
    Differences.assertSameRows(db, "analytics_cohort_retention", AnalyticsOracles.COHORTS_TABLE,
        AnalyticsOracles.COHORTS);
  }

  @Test
  @Exercises({"GET /api/v1/analytics/daily-revenue", "GET /api/v1/analytics/cohorts", "GET /api/v1/analytics/funnel"})
  void theBiAggregatesThroughTheApiAreTheStoredRows() {
    Optional<AnalyticsDb.JobRun> run = db.latestRun("bi-aggregates");
    if (run.isEmpty()) {
      for (String path : List.of("/api/v1/analytics/daily-revenue", "/api/v1/analytics/cohorts",
          "/api/v1/analytics/funnel")) {
        assertNotComputed(api.get(path), "bi-aggregates job");
      }
      return;
    }
    db.requireSucceeded("bi-aggregates");
    List<List<Object>> days = db.rows("SELECT day::text, revenue_cents FROM analytics_daily_revenue ORDER BY day");
    assertThat(days).isNotEmpty();
    String from = (String) days.get(0).get(0);
    String to = (String) days.get(Math.min(6, days.size() - 1)).get(0);
    JsonNode served = api.get("/api/v1/analytics/daily-revenue?from=" + from + "&to=" + to).json().get("days");
    List<List<Object>> shown = new ArrayList<>();
    served.forEach(d -> shown.add(List.of(d.get("day").asText(), d.get("revenueCents").asLong())));
    assertThat(shown).isEqualTo(days.subList(0, Math.min(7, days.size())).stream()
        .map(r -> List.<Object>of(r.get(0), ((Number) r.get(1)).longValue())).toList());
    assertThat(api.get("/api/v1/analytics/cohorts").json().get("cohorts").size())
        .isEqualTo((int) db.count("SELECT count(*) FROM analytics_cohort_retention"));
    JsonNode steps = api.get("/api/v1/analytics/funnel").json().get("steps");
    List<String> names = new ArrayList<>();
    steps.forEach(s -> names.add(s.get("step").asText()));
    assertThat(names).containsExactly("PAGE_VIEW", "PRODUCT_VIEW", "ADD_TO_CART", "CHECKOUT", "PURCHASE");
    for (int i = 1; i < steps.size(); i++) {
      assertThat(steps.get(i).get("sessions").asLong()).as("a funnel narrows").isLessThanOrEqualTo(
          steps.get(i - 1).get("sessions").asLong());
    }
  }

  private static void assertNotComputed(PlatformHttp.Response r, String job) {
    assertThat(r.status()).as(r.toString()).isEqualTo(404);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("detail").asText()).contains(job);
  }
}
