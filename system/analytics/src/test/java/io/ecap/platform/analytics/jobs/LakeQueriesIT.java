package io.ecap.platform.analytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecap.platform.analytics.SharedLake;
import io.ecap.platform.analytics.TestLake;
import io.ecap.platform.core.generator.Dataset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The lake-queries job on the shared generated lake: every standard query recorded with exact results and timings. */
class LakeQueriesIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void recordsEveryStandardQueryWithItsResultAndTimingsAndTheBronzeIntegrityFigures() throws Exception {
    TestLake lake = SharedLake.get();
    UUID runId = UUID.randomUUID();
    JobEnvironment environment = new JobEnvironment(lake.config(), Optional.of(lake.jdbc()), Clock.systemUTC(),
        Optional.of(runId));
    assertThat(new LakeQueries(environment).execute("--warm-runs", "2")).isEqualTo(LakeJob.EXIT_OK);

    Map<String, JsonNode> results = new HashMap<>();
    Map<String, Long> rows = new HashMap<>();
    try (Connection c = lake.jdbc().connect(); PreparedStatement ps = c.prepareStatement("SELECT query, rows, "
        + "result::text, cold_ms, warm_median_ms, warm_max_ms FROM lake_query_results WHERE run_id = ?")) {
      ps.setObject(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          results.put(rs.getString(1), JSON.readTree(rs.getString(3)));
          rows.put(rs.getString(1), rs.getLong(2));
          assertThat(rs.getDouble(4)).as("cold time of %s", rs.getString(1)).isPositive();
          assertThat(rs.getDouble(5)).isPositive().isLessThanOrEqualTo(rs.getDouble(6));
        }
      }
    }
    assertThat(results).containsOnlyKeys("daily_revenue", "top_products", "customer_rfm_base", "bronze_orders",
        "bronze_payments", "bronze_clickstream", "bronze_customers", "bronze_products", "bronze_fraud_labels");
    assertThat(lake.count("SELECT count(*) FROM analytics_job_runs WHERE job = 'lake-queries' AND status = "
        + "'SUCCEEDED' AND run_id = '" + runId + "'")).isEqualTo(1);

    // Exact against the generated dataset.
    Dataset dataset = SharedLake.dataset();
    long revenue = dataset.orders().stream().filter(o -> !o.order().status().name().equals("CANCELLED"))
        .mapToLong(o -> o.order().totalCents()).sum();
    long days = dataset.orders().stream().filter(o -> !o.order().status().name().equals("CANCELLED"))
        .map(o -> o.order().createdAt().toString().substring(0, 10)).distinct().count();
    assertThat(rows.get("daily_revenue")).isEqualTo(days);
    long customers = dataset.orders().stream().filter(o -> !o.order().status().name().equals("CANCELLED"))
        .map(o -> o.order().customerId()).distinct().count();
    assertThat(rows.get("customer_rfm_base")).isEqualTo(customers);
    assertThat(rows.get("top_products")).isEqualTo(10);
    if (days <= LakeQueries.RESULT_ROWS) {
      long recorded = 0;
      for (JsonNode day : results.get("daily_revenue")) {
        recorded += day.path("revenue_cents").asLong();
      }
      assertThat(recorded).isEqualTo(revenue);
    }
    JsonNode orders = results.get("bronze_orders").get(0);
    assertThat(orders.path("rows").asLong()).isEqualTo(dataset.orders().size());
    assertThat(orders.path("distinct_event_ids").asLong()).isEqualTo(dataset.orders().size());
    assertThat(orders.path("kafka_rows").asLong()).as("landed from files, not Kafka").isZero();
  }
}
