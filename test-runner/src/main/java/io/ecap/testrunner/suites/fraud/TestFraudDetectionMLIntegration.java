package io.ecap.testrunner.suites.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecap.testrunner.suites.Endpoint;
import io.ecap.testrunner.suites.Endpoints;
import io.ecap.testrunner.suites.Eventually;
import io.ecap.testrunner.suites.Exposition;
import io.ecap.testrunner.suites.PlatformDisruption;
import io.ecap.testrunner.suites.PlatformHttp;
import io.ecap.testrunner.suites.RequiresEndpoints;
import io.ecap.testrunner.suites.api.ExercisedRoutes;
import io.ecap.testrunner.suites.api.Exercises;
import io.ecap.testrunner.suites.wire.PlatformDb;
import io.ecap.testrunner.suites.wire.RiskShop;
import io.ecap.testrunner.suites.wire.ServiceAdmin;
import io.ecap.testrunner.suites.wire.TopicTail;
import io.ecap.testrunner.suites.wire.WebhookReceiver;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code fraud} suite, real-time part: orders placed through the API with known fraud patterns (velocity
 * burst, new account with a high value, billing and shipping country both unlike the customer's, many cards) are
 * scored by the fraud service: the decision is served by the API, published on {@code fraud-decisions} with the
 * same model version, alerts above the threshold (0.5) reach {@code fraud-alerts} and a registered webhook; a
 * plain order is approved and raises nothing. The ML branch adds {@code fraudModelUpdates} to this class.
 */
@Tag("fraud")
@RequiresEndpoints({Endpoint.API, Endpoint.KAFKA, Endpoint.JDBC})
@ExtendWith(ExercisedRoutes.class)
class TestFraudDetectionMLIntegration {

  static final double ALERT_THRESHOLD = 0.5;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Endpoints endpoints = Endpoints.fromEnvironment();
  private final PlatformHttp api = new PlatformHttp(endpoints.api(), Duration.ofSeconds(10));
  private final RiskShop shop = new RiskShop(api);
  private PlatformDisruption.Hold undisturbed;

  @BeforeEach
  void needsTheFraudService() {
    Assumptions.assumeTrue(endpoints.service("fraud").isPresent(), Endpoints.serviceVariable("fraud")
        + " is not set: no fraud service is deployed");
    undisturbed = new PlatformDisruption(endpoints).shared();
  }

  @AfterEach
  void release() {
    if (undisturbed != null) {
      undisturbed.close();
    }
  }

  @Test
  void realTimeFraudScoring() throws Exception {
    String bootstrap = endpoints.require(Endpoint.KAFKA);
    double scoredBefore = scorings();
    try (TopicTail decisions = new TopicTail(bootstrap, "fraud-decisions");
         TopicTail alerts = new TopicTail(bootstrap, "fraud-alerts")) {
      Map<String, String> orders = new LinkedHashMap<>();
      String cheap = shop.product(1_500, "EUR");
      String expensive = shop.product(30_000, "EUR");

      String plain = shop.customer("DE");
      orders.put("plain", shop.order(plain, cheap, 1, "DE", RiskShop.card(), "DE").get("id").asText());

      String burst = shop.customer("DE");
      String burstCard = RiskShop.card();
      for (int i = 0; i < 3; i++) {
        orders.put("velocity " + i, shop.order(burst, cheap, 1, "DE", burstCard, "DE").get("id").asText());
      }

      String fresh = shop.customer("DE");
      orders.put("new account high value", shop.order(fresh, expensive, 1, "DE", RiskShop.card(), "DE").get("id").asText());

      String traveller = shop.customer("DE");
      orders.put("country mismatch", shop.order(traveller, cheap, 1, "FR", RiskShop.card(), "US").get("id").asText());

      String carder = shop.customer("DE");
      for (int i = 0; i < 3; i++) {
        orders.put("cards " + i, shop.order(carder, cheap, 1, "DE", RiskShop.card(), "DE").get("id").asText());
      }

      Map<String, JsonNode> decided = new LinkedHashMap<>();
      orders.forEach((pattern, id) -> decided.put(pattern, shop.decision(id)));

      assertDecision(decided.get("plain"), "APPROVE");
      assertThat(decided.get("plain").get("score").asDouble()).as("score of a plain order").isLessThan(ALERT_THRESHOLD);
      assertReason(decided.get("velocity 1"), "velocity_burst");
      assertReason(decided.get("velocity 2"), "velocity_burst_sustained");
      assertReason(decided.get("new account high value"), "new_account_high_value");
      assertReason(decided.get("country mismatch"), "country_mismatch");
      assertDecision(decided.get("country mismatch"), "DECLINE");
      assertReason(decided.get("cards 2"), "many_cards_sustained");
      assertThat(decided.get("velocity 0").get("score").asDouble()).as("the first order of a burst")
          .isLessThan(decided.get("velocity 2").get("score").asDouble());
      for (JsonNode d : decided.values()) {
        assertThat(d.path("modelVersion").asText()).as("model version of %s", d).isNotBlank();
      }

      // Every decision on fraud-decisions, keyed by order id, with the API's verdict and model version.
      List<ConsumerRecord<byte[], byte[]>> published = decisions.await(r -> orders.containsValue(TopicTail.key(r)),
          orders.size(), Duration.ofSeconds(30));
      Map<String, JsonNode> onTopic = new LinkedHashMap<>();
      for (ConsumerRecord<byte[], byte[]> r : published) {
        onTopic.put(TopicTail.key(r), JSON.readTree(r.value()));
      }
      orders.forEach((pattern, id) -> {
        JsonNode event = onTopic.get(id);
        assertThat(event).as("fraud-decisions record of the %s order", pattern).isNotNull();
        assertThat(event.path("eventType").asText()).isEqualTo("fraud.decision");
        assertThat(event.path("data").path("decision").asText()).as(pattern).isEqualTo(decided.get(pattern).get("decision").asText());
        assertThat(event.path("data").path("modelVersion").asText()).as(pattern)
            .isEqualTo(decided.get(pattern).get("modelVersion").asText());
        assertThat(event.path("data").path("features").has("customer_orders_10m")).as("features of %s", pattern).isTrue();
      });

      // Alerts for exactly the orders scored at or above the threshold.
      List<String> risky = new ArrayList<>();
      decided.forEach((pattern, d) -> {
        if (d.get("score").asDouble() >= ALERT_THRESHOLD) {
          risky.add(orders.get(pattern));
        }
      });
      assertThat(risky).as("orders above the alert threshold").hasSizeGreaterThanOrEqualTo(6);
      List<ConsumerRecord<byte[], byte[]>> raised = alerts.await(r -> risky.contains(TopicTail.key(r)), risky.size(),
          Duration.ofSeconds(30));
      assertThat(raised.stream().map(TopicTail::key).distinct()).as("alerted orders").containsExactlyInAnyOrderElementsOf(risky);
      assertThat(alerts.settle(r -> orders.get("plain").equals(TopicTail.key(r)), Duration.ofSeconds(2)))
          .as("alerts of the plain order").isEmpty();
      assertThat(scorings() - scoredBefore).as("ecap_fraud_scoring_seconds_count increase")
          .isGreaterThanOrEqualTo(orders.size());
    }
  }

  @Test
  @Exercises({"POST /admin/notifications/webhooks", "DELETE /admin/notifications/webhooks"})
  void fraudAlertWorkflows() throws IOException {
    Assumptions.assumeTrue(endpoints.service("notifications").isPresent(), Endpoints.serviceVariable("notifications")
        + " is not set: no notifications service is deployed");
    ServiceAdmin admin = new ServiceAdmin(endpoints);
    try (WebhookReceiver receiver = new WebhookReceiver(admin.serviceUrl("notifications"));
         PlatformDb db = new PlatformDb(endpoints);
         TopicTail alerts = new TopicTail(endpoints.require(Endpoint.KAFKA), "fraud-alerts")) {
      admin.registerWebhook(receiver.url());
      try {
        String cheap = shop.product(900, "EUR");
        String risky = shop.order(shop.customer("DE"), cheap, 1, "BR", RiskShop.card(), "US").get("id").asText();
        String plain = shop.order(shop.customer("DE"), cheap, 1, "DE", RiskShop.card(), "DE").get("id").asText();
        JsonNode decision = shop.decision(risky);
        assertThat(decision.get("score").asDouble()).isGreaterThanOrEqualTo(ALERT_THRESHOLD);
        assertThat(alerts.await(r -> risky.equals(TopicTail.key(r)), 1, Duration.ofSeconds(30)))
            .as("alert of %s on fraud-alerts", risky).isNotEmpty();

        Eventually.within(Duration.ofSeconds(60), () -> assertThat(receiver.about(risky))
            .as("webhook POSTs about %s at %s", risky, receiver.url()).isNotEmpty());
        WebhookReceiver.Received hook = receiver.first(risky).orElseThrow();
        assertThat(hook.idempotencyKey()).as("Idempotency-Key").isNotBlank();
        assertThat(hook.contentType()).startsWith("application/json");
        JsonNode body = JSON.readTree(hook.body());
        assertThat(body.toString()).contains(decision.get("decision").asText()).contains(risky);
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(db.deliveries(UUID.fromString(risky)))
            .as("notification_deliveries of %s", risky)
            .anySatisfy(d -> {
              assertThat(d.channel()).isEqualTo("webhook");
              assertThat(d.recipient()).isEqualTo(receiver.url().toString());
            }));
        shop.decision(plain);
        pause();
        assertThat(receiver.about(risky)).as("deliveries of one alert to one recipient").hasSize(1);
        assertThat(receiver.about(plain)).as("webhook POSTs about an approved order").isEmpty();
        PlatformHttp notifications = new PlatformHttp(admin.serviceUrl("notifications"), Duration.ofSeconds(10));
        assertThat(Exposition.parse(notifications.get("/metrics").body()).sum("ecap_notifications_total",
            Map.of("channel", "webhook", "outcome", "delivered"))).as("webhook deliveries counted").isPositive();
      } finally {
        admin.removeWebhook(receiver.url());
      }
    }
  }

  private double scorings() {
    PlatformHttp fraud = new PlatformHttp(endpoints.service("fraud").orElseThrow(), Duration.ofSeconds(10));
    Exposition metrics = Exposition.parse(fraud.get("/metrics").body());
    assertThat(metrics.types()).as("metric types of the fraud service").containsEntry("ecap_fraud_scoring_seconds", "histogram");
    return metrics.sum("ecap_fraud_scoring_seconds_count", Map.of());
  }

  private static void assertDecision(JsonNode decision, String verdict) {
    assertThat(decision.get("decision").asText()).as("%s", decision).isEqualTo(verdict);
  }

  private static void assertReason(JsonNode decision, String reason) {
    assertThat(RiskShop.hasReason(decision, reason)).as("%s has reason %s", decision, reason).isTrue();
    assertThat(decision.get("score").asDouble()).as("score of %s", decision).isGreaterThanOrEqualTo(ALERT_THRESHOLD);
  }

  private static void pause() {
    try {
      Thread.sleep(3_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
