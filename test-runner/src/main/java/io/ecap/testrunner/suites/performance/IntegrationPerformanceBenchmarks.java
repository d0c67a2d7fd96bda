package io.ecap.testrunner.suites.performance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testrunner.results.PerformanceFigure;
import io.ecap.testrunner.suites.Endpoint;
import io.ecap.testrunner.suites.Endpoints;
import io.ecap.testrunner.suites.Performance;
import io.ecap.testrunner.suites.PlatformDisruption;
import io.ecap.testrunner.suites.PlatformHttp;
import io.ecap.testrunner.suites.RequiresEndpoints;
import io.ecap.testrunner.suites.Exposition;
import io.ecap.testrunner.suites.api.Shop;
import io.ecap.testrunner.suites.wire.EventPublisher;
import io.ecap.testrunner.suites.wire.LiveAggregates;
import io.ecap.testrunner.suites.wire.RiskShop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The {@code performance} suite: API response times under a bounded concurrent load (apiP95Millis), health
 * latency (healthP99Millis), uncached analytics read queries (queryMillis), and, when the streaming and fraud
 * services are deployed, streaming throughput (streamingEventsPerSecond), produce-to-Redis latency
 * (streamingP99Millis) and model scoring time (inferenceP99Millis: the p99 of the fraud service's
 * ecap_fraud_scoring_seconds histogram over the orders this test placed, from two scrapes of its /metrics). Figures go to the summary and the quality gates. Loads are bounded in count
 * and time, and run while no other shard has a dependency cut off.
 */
@Tag("performance")
@RequiresEndpoints(Endpoint.API)
class IntegrationPerformanceBenchmarks {

  private static final int WORKERS = 4;
  private static final int API_REQUESTS = 800;
  private static final Duration LOAD_LIMIT = Duration.ofSeconds(30);

  private static final String SCORING = "ecap_fraud_scoring_seconds";

  private final Endpoints endpoints = Endpoints.fromEnvironment();
  private final PlatformHttp http = new PlatformHttp(endpoints.api(), Duration.ofSeconds(10));
  private final Shop shop = new Shop(http);

  @Test
  void apiP95UnderABoundedConcurrentLoad(TestReporter reporter) throws InterruptedException {
    String customer = shop.customer();
    List<String> products = List.of(shop.product(1000), shop.product(2500), shop.product(400));
    String order = shop.order(customer, products.get(0), 1).path("id").asText();
    String orderBody = Shop.orderBody(customer, Map.of(products.get(1), 1));
    List<String> reads = List.of("/api/v1/orders/" + order, "/api/v1/customers/" + customer,
        "/api/v1/products/" + products.get(2), "/api/v1/customers/" + customer + "/orders",
        "/api/v1/products/" + products.get(0) + "/analytics", "/api/v1/products?size=20");
    // Every 10th call places an order (a write that also invalidates cached reads); the rest read.
    BoundedLoad.Call call = i -> i % 10 == 9 ? http.postJson("/api/v1/orders", orderBody).status()
        : http.get(reads.get(i % reads.size())).status();
    try (PlatformDisruption.Hold undisturbed = new PlatformDisruption(endpoints).shared()) {
      new BoundedLoad(WORKERS, 60, LOAD_LIMIT).run(call, i -> "warm-up " + i);
      BoundedLoad.Result result = new BoundedLoad(WORKERS, API_REQUESTS, LOAD_LIMIT)
          .run(call, i -> i % 10 == 9 ? "POST /api/v1/orders" : "GET " + reads.get(i % reads.size()));
      assertThat(result.failures()).as("calls under load that did not answer 2xx").isEmpty();
      assertThat(result.millis().length).as("calls measured within %s s", LOAD_LIMIT.toSeconds())
          .isGreaterThanOrEqualTo(API_REQUESTS / 2);
      double p95 = Performance.percentile(result.millis(), 95);
      Performance.publish(reporter, PerformanceFigure.API_P95_MILLIS, p95);
      reporter.publishEntry("apiLoad", String.format(java.util.Locale.ROOT, "%d calls by %d workers, p50 %.2f ms, p95 %.2f ms,"
          + " p99 %.2f ms%s", result.millis().length, WORKERS, Performance.percentile(result.millis(), 50), p95,
          Performance.percentile(result.millis(), 99), result.cutShort() ? " (cut short at the time limit)" : ""));
      assertThat(p95).isPositive();
    }
  }

  @Test
  void healthP99(TestReporter reporter) {
    for (int i = 0; i < 50; i++) {
      http.get("/health/ready");
    }
    double[] millis = new double[500];
    for (int i = 0; i < millis.length; i++) {
      long start = System.nanoTime();
      PlatformHttp.Response ready = http.get("/health/ready");
      millis[i] = (System.nanoTime() - start) / 1e6;
      assertThat(ready.status()).as("%s", ready).isIn(200, 503);
    }
    double p99 = Performance.percentile(millis, 99);
    Performance.publish(reporter, PerformanceFigure.HEALTH_P99_MILLIS, p99);
    assertThat(p99).isPositive();
  }

  @Test
  void uncachedAnalyticsQueries(TestReporter reporter) {
    List<Double> misses = new ArrayList<>();
    String customer = shop.customer();
    for (int i = 0; i < 8; i++) {
      String category = Shop.unique("perf");
      String product = shop.newProduct(category, 100L + i).path("id").asText();
      shop.order(customer, product, 1 + i);
      String buyer = shop.customer();
      shop.order(buyer, product, 1);
      for (String path : List.of("/api/v1/products/" + product + "/analytics", "/api/v1/customers/" + buyer + "/analytics",
          "/api/v1/analytics/top-products?category=" + category, "/api/v1/analytics/top-products?limit=" + (11 + i))) {
        long start = System.nanoTime();
        PlatformHttp.Response response = http.get(path);
        double ms = (System.nanoTime() - start) / 1e6;
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        if (!"HIT".equals(response.header("X-Cache"))) {
          misses.add(ms);
        }
      }
    }
    assertThat(misses).as("analytics reads answered by a query, not the cache").hasSizeGreaterThanOrEqualTo(16);
    double p95 = Performance.percentile(misses.stream().mapToDouble(Double::doubleValue).toArray(), 95);
    Performance.publish(reporter, PerformanceFigure.QUERY_MILLIS, p95);
    assertThat(p95).isPositive();
  }

  @Test
  void streamingThroughput(TestReporter reporter) throws Exception {
    Assumptions.assumeTrue(endpoints.service("streaming").isPresent(), Endpoints.serviceVariable("streaming")
        + " is not set: no streaming service is deployed (it arrives with the streaming branch), so there is no"
        + " streaming throughput to measure");
    String bootstrap = endpoints.require(Endpoint.KAFKA);
    try (PlatformDisruption.Hold undisturbed = new PlatformDisruption(endpoints).shared();
         ClickstreamLoad load = new ClickstreamLoad(bootstrap)) {
      double perSecond = load.eventsPerSecond(2_000, Duration.ofSeconds(60));
      Performance.publish(reporter, PerformanceFigure.STREAMING_EVENTS_PER_SECOND, perSecond);
      assertThat(perSecond).isPositive();
    }
  }

  @Test
  void streamingEndToEndP99(TestReporter reporter) {
    Assumptions.assumeTrue(endpoints.service("streaming").isPresent(), Endpoints.serviceVariable("streaming")
        + " is not set: no streaming service is deployed");
    try (PlatformDisruption.Hold undisturbed = new PlatformDisruption(endpoints).shared();
         EventPublisher publisher = new EventPublisher(endpoints.require(Endpoint.KAFKA));
         LiveAggregates redis = new LiveAggregates(endpoints.require(Endpoint.REDIS))) {
      StreamingLatency latency = new StreamingLatency(publisher, redis);
      latency.measure(10, Duration.ofSeconds(20));
      double[] millis = latency.measure(200, Duration.ofSeconds(40));
      assertThat(millis.length).as("events measured").isGreaterThanOrEqualTo(50);
      double p99 = Performance.percentile(millis, 99);
      Performance.publish(reporter, PerformanceFigure.STREAMING_P99_MILLIS, p99);
      reporter.publishEntry("streamingLatency", String.format(java.util.Locale.ROOT,
          "%d orders produce to Redis: p50 %.2f ms, p99 %.2f ms", millis.length, Performance.percentile(millis, 50), p99));
      assertThat(p99).isPositive();
    }
  }

  @Test
  void inferenceP99FromTheScoringHistogram(TestReporter reporter) {
    Assumptions.assumeTrue(endpoints.service("fraud").isPresent(), Endpoints.serviceVariable("fraud")
        + " is not set: no fraud service is deployed");
    PlatformHttp fraud = new PlatformHttp(endpoints.service("fraud").orElseThrow(), Duration.ofSeconds(10));
    RiskShop risk = new RiskShop(http);
    String product = risk.product(1_200, "EUR");
    var before = HistogramQuantile.buckets(Exposition.parse(fraud.get("/metrics").body()), SCORING);
    List<String> orders = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      orders.add(risk.order(risk.customer("DE"), product, 1, "DE", RiskShop.card(), "DE").get("id").asText());
    }
    orders.forEach(risk::decision);
    var after = HistogramQuantile.buckets(Exposition.parse(fraud.get("/metrics").body()), SCORING);
    assertThat(after.lastEntry().getValue() - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0))
        .as("scorings observed").isGreaterThanOrEqualTo(orders.size());
    double p99Millis = HistogramQuantile.between(before, after, 0.99) * 1_000;
    Performance.publish(reporter, PerformanceFigure.INFERENCE_P99_MILLIS, p99Millis);
    assertThat(p99Millis).isPositive();
  }
}
