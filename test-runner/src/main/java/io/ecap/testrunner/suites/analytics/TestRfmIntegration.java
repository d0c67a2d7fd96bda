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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code analytics} suite, RFM part: the rfm job's scores and segments equal, row for row, an independent SQL
 * computation over the seeded orders (quintiles as ceil(cume_dist * 5)), every segment is populated, and the API
 * serves exactly the stored rows. Skips when the rfm job has not run in the environment.
 */
@Tag("analytics")
@RequiresEndpoints({Endpoint.API, Endpoint.JDBC})
@ExtendWith(ExercisedRoutes.class)
class TestRfmIntegration extends AnalyticsSuite {

  @Test
  void rfmScoresAndSegmentsEqualTheSqlOracleRowForRow() {
    AnalyticsDb.JobRun run = db.requireSucceeded("rfm");
    Differences.assertSameRows(db, "analytics_customer_rfm", AnalyticsOracles.RFM_TABLE, AnalyticsOracles.RFM);
    assertThat(run.rowsWritten()).as("rows_written of the rfm run").isEqualTo(db.count(
        "SELECT count(*) FROM analytics_customer_rfm"));
    List<String> segments = db.rows("SELECT DISTINCT segment FROM analytics_customer_rfm").stream()
        .map(r -> (String) r.get(0)).toList();
    assertThat(segments).as("segments of a 60-day dataset").contains("Champions", "Loyal Customers", "At Risk",
        "Hibernating");
    for (String score : List.of("r_score", "f_score", "m_score")) {
      assertThat(db.count("SELECT count(DISTINCT " + score + ") FROM analytics_customer_rfm")).as(score)
          .isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  @Exercises("GET /api/v1/customers/{customerId}/segment")
  void theApiServesEachSegmentAsStoredAndA404ForACustomerWithoutOrders() {
    db.requireSucceeded("rfm");
    boolean clv = db.latestRun("clv").filter(r -> r.status().equals("SUCCEEDED")).isPresent();
    List<List<Object>> sample = db.rows("SELECT DISTINCT ON (r.segment) r.customer_id, r.segment, r.recency_days, "
        + "r.frequency, r.monetary_cents, r.r_score, r.f_score, r.m_score, c.predicted_12m_cents "
        + "FROM analytics_customer_rfm r LEFT JOIN analytics_customer_clv c USING (customer_id) "
        + "ORDER BY r.segment, r.customer_id");
    assertThat(sample).isNotEmpty();
    for (List<Object> row : sample) {
      PlatformHttp.Response r = api.get("/api/v1/customers/" + row.get(0) + "/segment");
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      JsonNode rfm = r.json().get("rfm");
      assertThat(rfm.get("segment").asText()).isEqualTo(row.get(1));
      assertThat(List.of(rfm.get("recencyDays").asLong(), rfm.get("frequency").asLong(),
          rfm.get("monetaryCents").asLong(), rfm.get("rScore").asLong(), rfm.get("fScore").asLong(),
          rfm.get("mScore").asLong())).as("customer %s", row.get(0)).containsExactly(number(row, 2), number(row, 3),
          number(row, 4), number(row, 5), number(row, 6), number(row, 7));
      if (clv) {
        assertThat(r.json().get("clv").get("predicted12mCents").asLong()).isEqualTo(number(row, 8));
      } else {
        assertThat(r.json().get("clv").isNull()).as("clv before the clv job ran").isTrue();
      }
    }
    String created = api.postJson("/api/v1/customers", "{\"email\":\"rfm-" + UUID.randomUUID()
        + "@example.com\",\"name\":\"No Orders\",\"country\":\"DE\"}").json().get("id").asText();
    PlatformHttp.Response none = api.get("/api/v1/customers/" + created + "/segment");
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.contentType()).startsWith("application/problem+json");
    assertThat(none.json().get("detail").asText()).contains("rfm job");
  }

  private static long number(List<Object> row, int column) {
    return ((Number) row.get(column)).longValue();
  }
}
