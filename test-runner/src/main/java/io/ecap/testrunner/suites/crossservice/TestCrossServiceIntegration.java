package io.ecap.testrunner.suites.crossservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecap.testrunner.suites.Endpoint;
import io.ecap.testrunner.suites.Endpoints;
import io.ecap.testrunner.suites.Eventually;
import io.ecap.testrunner.suites.PlatformDisruption;
import io.ecap.testrunner.suites.PlatformHttp;
import io.ecap.testrunner.suites.RequiresEndpoints;
import io.ecap.testrunner.suites.wire.FreshDimensions;
import io.ecap.testrunner.suites.wire.LiveAggregates;
import io.ecap.testrunner.suites.wire.PlatformDb;
import io.ecap.testrunner.suites.wire.RiskShop;
import io.ecap.testrunner.suites.wire.ServiceAdmin;
import io.ecap.testrunner.suites.wire.TopicTail;
import io.ecap.testrunner.suites.wire.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The {@code cross-service} suite: one order placed through the API travels through every service. It appears in
 * the streaming aggregates (Redis and PostgreSQL, under a currency of its own) and in the API's analytics reads;
 * the fraud service decides on it (API, fraud-decisions, PostgreSQL agree); a fraud alert ends as a webhook POST
 * to a receiver this runner hosts and registers with the notifications service.
 */
@Tag("cross-service")
@RequiresEndpoints({Endpoint.API, Endpoint.KAFKA, Endpoint.JDBC, Endpoint.REDIS})
class TestCrossServiceIntegration {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Endpoints endpoints = Endpoints.fromEnvironment();
  private final PlatformHttp api = new PlatformHttp(endpoints.api(), Duration.ofSeconds(10));
  private final RiskShop shop = new RiskShop(api);
  private PlatformDisruption.Hold undisturbed;

  @BeforeEach
  void needsTheServices() {
    for (String service : List.of("streaming", "fraud", "notifications")) {
      Assumptions.assumeTrue(endpoints.service(service).isPresent(), Endpoints.serviceVariable(service)
          + " is not set: the " + service + " service is not deployed");
    }
    undisturbed = new PlatformDisruption(endpoints).shared();
  }

  @AfterEach
  void release() {
    if (undisturbed != null) {
      undisturbed.close();
    }
  }

  @Test
  void anApiOrderAppearsInTheStreamingAggregatesAndTheAnalyticsReads() {
    try (PlatformDb db = new PlatformDb(endpoints);
         LiveAggregates redis = new LiveAggregates(endpoints.require(Endpoint.REDIS))) {
      String currency = FreshDimensions.currency(db);
      String product = shop.product(2_345, currency);
      String customer = shop.customer("DE");
      JsonNode order = shop.order(customer, product, 3, "DE", RiskShop.card(), "DE");
      long total = order.get("totalCents").asLong();
      assertThat(total).isEqualTo(3 * 2_345);
      long minute = LiveAggregates.minuteOf(Instant.parse(order.get("createdAt").asText()));
      Eventually.within(Duration.ofSeconds(60), () -> {
        assertThat(redis.value(LiveAggregates.TUMBLING, "revenue_cents", minute, currency)).as("Redis revenue").isEqualTo(total);
        assertThat(db.windowValue(LiveAggregates.TUMBLING, "revenue_cents", minute, currency)).as("PostgreSQL revenue")
            .isEqualTo(total);
        assertThat(redis.productUnits(LiveAggregates.TUMBLING, minute, product)).as("Redis top products").isEqualTo(3);
        assertThat(redis.productUnits(LiveAggregates.SLIDING, minute, product)).as("Redis top products, sliding").isEqualTo(3);
      });
      JsonNode productAnalytics = api.get("/api/v1/products/" + product + "/analytics").json();
      assertThat(productAnalytics.get("unitsSold").asLong()).isEqualTo(3);
      assertThat(productAnalytics.get("revenueCents").asLong()).isEqualTo(total);
      JsonNode customerAnalytics = api.get("/api/v1/customers/" + customer + "/analytics").json();
      assertThat(customerAnalytics.get("orders").asLong()).isEqualTo(1);
      assertThat(customerAnalytics.get("revenueCents").asLong()).isEqualTo(total);
    }
  }

  @Test
  void aHighRiskApiOrderIsDecidedAlikeByTheApiTheDecisionTopicAndPostgres() throws Exception {
    try (PlatformDb db = new PlatformDb(endpoints);
         TopicTail decisions = new TopicTail(endpoints.require(Endpoint.KAFKA), "fraud-decisions")) {
      String product = shop.product(40_000, "EUR");
      String order = shop.order(shop.customer("DE"), product, 1, "FR", RiskShop.card(), "US").get("id").asText();
      JsonNode decision = shop.decision(order);
      assertThat(decision.get("decision").asText()).isEqualTo("DECLINE");
      List<ConsumerRecord<byte[], byte[]>> published = decisions.await(r -> order.equals(TopicTail.key(r)), 1,
          Duration.ofSeconds(30));
      assertThat(published).as("fraud-decisions record of %s", order).hasSize(1);
      JsonNode event = JSON.readTree(published.get(0).value()).get("data");
      assertThat(event.get("decision").asText()).isEqualTo("DECLINE");
      assertThat(event.get("score").asDouble()).isEqualTo(decision.get("score").asDouble());
      assertThat(event.get("modelVersion").asText()).isEqualTo(decision.get("modelVersion").asText());
      assertThat(db.fraudDecision(UUID.fromString(order))).containsExactly("DECLINE " + decision.get("score").asDouble()
          + " " + decision.get("modelVersion").asText());
    }
  }

  @Test
  void aFraudAlertEndsAsAWebhookPostToTheRunnersReceiver() throws Exception {
    ServiceAdmin admin = new ServiceAdmin(endpoints);
    try (WebhookReceiver receiver = new WebhookReceiver(admin.serviceUrl("notifications"))) {
      admin.registerWebhook(receiver.url());
      try {
        String product = shop.product(1_000, "EUR");
        String order = shop.order(shop.customer("NL"), product, 1, "IT", RiskShop.card(), "CA").get("id").asText();
        Eventually.within(Duration.ofSeconds(90), () -> assertThat(receiver.about(order))
            .as("webhook POSTs about %s", order).hasSize(1));
        JsonNode alert = JSON.readTree(receiver.first(order).orElseThrow().body());
        assertThat(alert.toString()).contains(order).contains("country_mismatch");
      } finally {
        admin.removeWebhook(receiver.url());
      }
    }
  }
}
