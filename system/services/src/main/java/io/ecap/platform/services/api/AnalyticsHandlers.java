package io.ecap.platform.services.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecap.platform.services.resilience.Breakers;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Read endpoints over the tables the Spark analytics jobs write: a customer's RFM segment and CLV, a product's
 * "bought together" recommendations, daily revenue, cohort retention and the funnel. Not cached: a job replaces
 * its table at once and a reader sees the new results at once. A 404 problem says which job has not run yet.
 */
public final class AnalyticsHandlers {

  private final ObjectMapper mapper;
  private final Breakers breakers;
  private final AnalyticsStore store;

  public AnalyticsHandlers(ObjectMapper mapper, Breakers breakers, AnalyticsStore store) {
    this.mapper = mapper;
    this.breakers = breakers;
    this.store = store;
  }

  /** Body of GET /api/v1/customers/{customerId}/segment; clv is null until the clv job has run. */
  public record Segment(UUID customerId, AnalyticsStore.Rfm rfm, AnalyticsStore.Clv clv) {
  }

  public record Recommendations(UUID productId, List<AnalyticsStore.Recommendation> recommendations,
                                Instant computedAt) {
  }

  public record DailyRevenueView(LocalDate from, LocalDate to, List<AnalyticsStore.DailyRevenue> days,
                                 Instant computedAt) {
  }

  public record Cohorts(List<AnalyticsStore.Cohort> cohorts, Instant computedAt) {
  }

  public record Funnel(List<AnalyticsStore.FunnelStep> steps, Instant computedAt) {
  }

  public void customerSegment(Context ctx) throws Exception {
    UUID id = Requests.uuidParam(ctx, "customerId");
    var rfm = breakers.database(() -> store.rfm(id));
    if (rfm.isEmpty()) {
      throw ProblemException.notFound("no RFM segment for customer " + id + ": the rfm job has not run since the"
          + " customer's first order, or there is no such customer");
    }
    ok(ctx, new Segment(id, rfm.get(), breakers.database(() -> store.clv(id)).orElse(null)));
  }

  public void productRecommendations(Context ctx) throws Exception {
    UUID id = Requests.uuidParam(ctx, "productId");
    if (!breakers.database(() -> store.productExists(id))) {
      throw ProblemException.notFound("no product with id " + id);
    }
    if (!breakers.database(store::anyRecommendations)) {
      throw ProblemException.notFound("no recommendations computed yet: the product-analytics job has not run");
    }
    AnalyticsStore.Computed<AnalyticsStore.Recommendation> rows = breakers.database(() -> store.recommendations(id));
    ok(ctx, new Recommendations(id, rows.rows(), rows.computedAt()));
  }

  public void dailyRevenue(Context ctx) throws Exception {
    LocalDate from = date(ctx, "from", LocalDate.of(1970, 1, 1));
    LocalDate to = date(ctx, "to", LocalDate.of(9999, 12, 31));
    if (from.isAfter(to)) {
      throw ProblemException.invalid("from", "must not be after to");
    }
    if (!breakers.database(store::anyDailyRevenue)) {
      throw ProblemException.notFound("no daily revenue computed yet: the bi-aggregates job has not run");
    }
    AnalyticsStore.Computed<AnalyticsStore.DailyRevenue> rows = breakers.database(() -> store.dailyRevenue(from, to));
    ok(ctx, new DailyRevenueView(from, to, rows.rows(), rows.computedAt()));
  }

  public void cohorts(Context ctx) throws Exception {
    AnalyticsStore.Computed<AnalyticsStore.Cohort> rows = breakers.database(store::cohorts);
    if (rows.rows().isEmpty()) {
      throw ProblemException.notFound("no cohort retention computed yet: the bi-aggregates job has not run");
    }
    ok(ctx, new Cohorts(rows.rows(), rows.computedAt()));
  }

  public void funnel(Context ctx) throws Exception {
    AnalyticsStore.Computed<AnalyticsStore.FunnelStep> rows = breakers.database(store::funnel);
    if (rows.rows().isEmpty()) {
      throw ProblemException.notFound("no funnel computed yet: the bi-aggregates job has not run");
    }
    ok(ctx, new Funnel(rows.rows(), rows.computedAt()));
  }

  private static LocalDate date(Context ctx, String name, LocalDate absent) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return absent;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(name, "must be a date (YYYY-MM-DD)");
    }
  }

  private void ok(Context ctx, Object body) throws Exception {
    ApiHandlers.json(ctx, 200, mapper.writeValueAsString(body));
  }
}
