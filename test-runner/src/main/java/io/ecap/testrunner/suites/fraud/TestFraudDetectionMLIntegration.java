package io.ecap.testrunner.suites.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

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
import io.ecap.testrunner.suites.lake.SparkJobRoutes;
import io.ecap.testrunner.suites.wire.TopicTail;
import io.ecap.testrunner.suites.wire.WebhookReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code fraud} suite: orders placed through the API with known fraud patterns (velocity burst, new account
 * with a high value, billing and shipping country both unlike the customer's, many cards) are scored by the fraud
 * service with the model it must serve (the registry's production model, else the built-in rules): the online
 * features of each pattern are what their shared definition says, the decision is served by the API and published
 * on {@code fraud-decisions} with the same model version, alerts above the model's threshold reach
 * {@code fraud-alerts} and a registered webhook. {@code fraudModelUpdates}: retrain, promote, hot reload, and the
 * scores follow the new parameters.
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
  void needsTheFraudService(TestInfo test) {
    Assumptions.assumeTrue(endpoints.service("fraud").isPresent(), Endpoints.serviceVariable("fraud")
        + " is not set: no fraud service is deployed");
    // Changing the production model disturbs every other test that checks which model scores.
    undisturbed = test.getTestMethod().map(m -> m.getName().equals("fraudModelUpdates")).orElse(false)
        ? new PlatformDisruption(endpoints).exclusive() : new PlatformDisruption(endpoints).shared();
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
    try (PlatformDb db = new PlatformDb(endpoints);
         TopicTail decisions = new TopicTail(bootstrap, "fraud-decisions");
         TopicTail alerts = new TopicTail(bootstrap, "fraud-alerts")) {
      ServedModel served = ServedModel.expected(db);
      Map<String, String> orders = new LinkedHashMap<>();
      Map<String, JsonNode> decided = new LinkedHashMap<>();
      String cheap = shop.product(1_500, "EUR");
      String expensive = shop.product(30_000, "EUR");

      place(orders, decided, "plain", shop.customer("DE"), cheap, "DE", RiskShop.card(), "DE");
      // Each order of a sequence is decided before the next is placed: its history then holds the earlier ones.
      String burst = shop.customer("DE");
      String burstCard = RiskShop.card();
      for (int i = 0; i < 3; i++) {
        place(orders, decided, "velocity " + i, burst, cheap, "DE", burstCard, "DE");
      }
      place(orders, decided, "new account high value", shop.customer("DE"), expensive, "DE", RiskShop.card(), "DE");
      place(orders, decided, "country mismatch", shop.customer("DE"), cheap, "FR", RiskShop.card(), "US");
      String carder = shop.customer("DE");
      for (int i = 0; i < 3; i++) {
        place(orders, decided, "cards " + i, carder, cheap, "DE", RiskShop.card(), "DE");
      }

      for (JsonNode d : decided.values()) {
        assertThat(d.path("modelVersion").asText()).as("the model serving %s (the registry's production model, "
            + "else the rules)", d).isEqualTo(served.version());
      }

      // Every decision on fraud-decisions, keyed by order id, with the API's verdict and model version.
      List<ConsumerRecord<byte[], byte[]>> published = decisions.await(r -> orders.containsValue(TopicTail.key(r)),
          orders.size(), Duration.ofSeconds(30));
      Map<String, JsonNode> onTopic = new LinkedHashMap<>();
      for (ConsumerRecord<byte[], byte[]> r : published) {
        onTopic.put(TopicTail.key(r), JSON.readTree(r.value()));
      }
      Map<String, JsonNode> features = new LinkedHashMap<>();
      orders.forEach((pattern, id) -> {
        JsonNode event = onTopic.get(id);
        assertThat(event).as("fraud-decisions record of the %s order", pattern).isNotNull();
        assertThat(event.path("eventType").asText()).isEqualTo("fraud.decision");
        assertThat(event.path("data").path("decision").asText()).as(pattern).isEqualTo(decided.get(pattern).get("decision").asText());
        assertThat(event.path("data").path("modelVersion").asText()).as(pattern)
            .isEqualTo(decided.get(pattern).get("modelVersion").asText());
        features.put(pattern, event.path("data").path("features"));
      });

      // The online features of each pattern, by their shared definition (system/core FraudFeatures).
      assertFeature(features, "plain", "orders_last_10m", 0);
      assertFeature(features, "plain", "billing_country_mismatch", 0);
      assertFeature(features, "plain", "shipping_country_mismatch", 0);
      assertFeature(features, "velocity 0", "orders_last_10m", 0);
      assertFeature(features, "velocity 2", "orders_last_10m", 2);
      assertFeature(features, "velocity 2", "distinct_cards_24h", 1);
      assertFeature(features, "cards 2", "distinct_cards_24h", 3);
      assertFeature(features, "country mismatch", "billing_country_mismatch", 1);
      assertFeature(features, "country mismatch", "shipping_country_mismatch", 1);
      assertFeature(features, "new account high value", "amount_log", Math.log1p(300.0));
      assertFeature(features, "plain", "amount_to_avg_30d_log", Math.log1p(1.0));
      assertThat(features.get("new account high value").path("account_age_hours_log").asDouble())
          .as("a customer created seconds ago").isBetween(0.0, Math.log1p(0.25));

      if (served.isRules()) {
        assertDecision(decided.get("plain"), "APPROVE");
        assertReason(decided.get("velocity 1"), "velocity_burst");
        assertReason(decided.get("velocity 2"), "velocity_burst_sustained");
        assertReason(decided.get("new account high value"), "new_account_high_value");
        assertReason(decided.get("country mismatch"), "country_mismatch");
        assertDecision(decided.get("country mismatch"), "DECLINE");
        assertReason(decided.get("cards 2"), "many_cards_sustained");
      } else {
        // A trained model: each score is the registered export's formula of the published features.
        decided.forEach((pattern, d) -> assertThat(d.get("score").asDouble()).as("score of %s by %s", pattern,
            served.version()).isCloseTo(served.score(features.get(pattern)), offset(1e-9)));
      }
      decided.forEach((pattern, d) -> {
        String verdict = d.get("decision").asText();
        String as = String.format("verdict of %s (score %s, threshold %s)", pattern, d.get("score"), served.threshold());
        if (d.get("score").asDouble() >= served.threshold()) {
          assertThat(verdict).as(as).isIn("REVIEW", "DECLINE");
        } else {
          assertThat(verdict).as(as).isEqualTo("APPROVE");
        }
      });

      // Alerts for exactly the orders scored at or above the model's threshold.
      List<String> risky = new ArrayList<>();
      decided.forEach((pattern, d) -> {
        if (d.get("score").asDouble() >= served.threshold()) {
          risky.add(orders.get(pattern));
        }
      });
      if (served.isRules()) {
        assertThat(risky).as("orders above the alert threshold").hasSizeGreaterThanOrEqualTo(6);
      }
      List<ConsumerRecord<byte[], byte[]>> raised = alerts.await(r -> risky.contains(TopicTail.key(r)), risky.size(),
          Duration.ofSeconds(30));
      assertThat(raised.stream().map(TopicTail::key).distinct()).as("alerted orders").containsExactlyInAnyOrderElementsOf(risky);
      List<String> calm = orders.values().stream().filter(id -> !risky.contains(id)).toList();
      assertThat(alerts.settle(r -> calm.contains(TopicTail.key(r)), Duration.ofSeconds(2)))
          .as("alerts of orders below the threshold").isEmpty();
      assertThat(scorings() - scoredBefore).as("ecap_fraud_scoring_seconds_count increase")
          .isGreaterThanOrEqualTo(orders.size());
    }
  }

  /**
   * Retrain, promote, hot reload: a training run with other hyper-parameters, forced to production through the
   * platform's job API, is served by the running fraud service within its reload period, and the same order shape
   * now scores by the new model's parameters instead of the old one's.
   */
  @Test
  void fraudModelUpdates() throws Exception {
    try (PlatformDb db = new PlatformDb(endpoints);
         TopicTail decisions = new TopicTail(endpoints.require(Endpoint.KAFKA), "fraud-decisions")) {
      ServedModel before = ServedModel.expected(db);
      String product = shop.product(12_000, "EUR");
      JsonNode first = decidedWithFeatures(decisions, product);
      assertThat(first.path("modelVersion").asText()).isEqualTo(before.version());

      SparkJobRoutes jobs = new SparkJobRoutes(api);
      jobs.assumeEnabled();
      JsonNode training = jobs.run("fraud-training", List.of("--promote", "always", "--reg-param", "0.05", "--seed",
          "7"), null, Duration.ofMinutes(10));
      ServedModel after = ServedModel.expected(db);
      assertThat(after.isRules()).as("a production model after %s", SparkJobRoutes.logTail(training)).isFalse();
      assertThat(after.version()).as("the newly promoted version").isNotEqualTo(before.version());

      // The service polls the registry: within a few periods a new order is scored by the new version.
      AtomicReference<JsonNode> reloaded = new AtomicReference<>();
      Eventually.within(Duration.ofSeconds(60), () -> {
        JsonNode d = decidedWithFeatures(decisions, product);
        assertThat(d.path("modelVersion").asText()).as("model of a decision after the promotion")
            .isEqualTo(after.version());
        reloaded.set(d);
      });
      JsonNode now = reloaded.get();
      double expected = after.score(now.path("features"));
      assertThat(now.path("score").asDouble()).as("score by %s's parameters", after.version())
          .isCloseTo(expected, offset(1e-9));
      double previous = before.isRules() ? first.path("score").asDouble() : before.score(now.path("features"));
      assertThat(Math.abs(expected - previous)).as("the same order shape scored by %s and by %s", after.version(),
          before.version()).isGreaterThan(1e-6);
    }
  }

  /** A fresh customer's order with both countries unlike theirs; its decision as published, with features. */
  private JsonNode decidedWithFeatures(TopicTail decisions, String product) {
    String id = shop.order(shop.customer("DE"), product, 1, "FR", RiskShop.card(), "US").get("id").asText();
    shop.decision(id);
    List<ConsumerRecord<byte[], byte[]>> records = decisions.await(r -> id.equals(TopicTail.key(r)), 1,
        Duration.ofSeconds(30));
    assertThat(records).as("fraud-decisions record of %s", id).isNotEmpty();
    try {
      return JSON.readTree(records.get(0).value()).path("data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void place(Map<String, String> orders, Map<String, JsonNode> decided, String pattern, String customer,
                     String product, String shipping, String card, String billing) {
    String id = shop.order(customer, product, 1, shipping, card, billing).get("id").asText();
    orders.put(pattern, id);
    decided.put(pattern, shop.decision(id));
  }

  private static void assertFeature(Map<String, JsonNode> features, String pattern, String name, double expected) {
    assertThat(features.get(pattern).path(name).asDouble(Double.NaN)).as("%s of the %s order (%s)", name, pattern,
        features.get(pattern)).isCloseTo(expected, offset(1e-9));
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
        // Every pattern at once: any sensible model alerts on it.
        String riskyCustomer = shop.customer("DE");
        String expensive = shop.product(90_000, "EUR");
        for (int i = 0; i < 2; i++) {
          shop.decision(shop.order(riskyCustomer, expensive, 1, "BR", RiskShop.card(), "US").get("id").asText());
        }
        String risky = shop.order(riskyCustomer, expensive, 1, "BR", RiskShop.card(), "US").get("id").asText();
        String plain = shop.order(shop.customer("DE"), cheap, 1, "DE", RiskShop.card(), "DE").get("id").asText();
        JsonNode decision = shop.decision(risky);
        ServedModel served = ServedModel.expected(db);
        assertThat(decision.get("score").asDouble()).as("score of an order with every fraud pattern by %s",
            served.version()).isGreaterThanOrEqualTo(served.threshold());
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
        JsonNode plainDecision = shop.decision(plain);
        pause();
        assertThat(receiver.about(risky)).as("deliveries of one alert to one recipient").hasSize(1);
        // Whether the plain order alerts is the served model's call (a trained model may review a brand-new
        // account); either way exactly the orders at or above its threshold reach the webhook.
        if (plainDecision.get("score").asDouble() >= served.threshold()) {
          Eventually.within(Duration.ofSeconds(60), () -> assertThat(receiver.about(plain))
              .as("webhook POSTs about %s, scored %s", plain, plainDecision.get("score")).hasSize(1));
        } else {
          assertThat(receiver.about(plain)).as("webhook POSTs about an approved order").isEmpty();
        }
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
