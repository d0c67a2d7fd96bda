package io.ecap.platform.streaming.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecap.platform.core.Topics;
import io.ecap.platform.core.events.EventJson;
import com.fasterxml.jackson.databind.JsonNode;
import io.ecap.platform.core.fraud.features.FraudFeatures;
import io.ecap.platform.core.fraud.model.FraudModelJson;
import io.ecap.platform.core.fraud.model.FraudModelParameters;
import io.ecap.platform.core.fraud.model.FraudModelScorer;
import io.ecap.platform.core.fraud.model.ModelRegistry;
import io.ecap.platform.core.fraud.model.RegisteredModel;
import io.ecap.platform.core.generator.DatasetProfile;
import io.ecap.platform.core.generator.DatasetSummary;
import io.ecap.platform.core.testdata.IntegrationTestDataManager;
import io.ecap.platform.streaming.TestInfrastructure;
import io.ecap.platform.streaming.service.ServiceHealth;
import io.ecap.platform.streaming.service.ServiceSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fraud service on generated data with labelled fraud: decisions, alerts, the registry's production model served
 * and swapped on promotion, a model file hot-reloaded, a broken model rejected.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FraudServiceIT {

  private static TestInfrastructure infra;
  private static FraudService service;
  private static SimpleMeterRegistry registry;
  private static IntegrationTestDataManager data;
  @TempDir
  static Path models;

  @BeforeAll
  static void start() throws Exception {
    infra = TestInfrastructure.start();
    registry = new SimpleMeterRegistry();
    data = new IntegrationTestDataManager(infra.dataSource(), () -> {
      Properties p = new Properties();
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrap());
      p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
      return new KafkaProducer<>(p);
    });
    service = new FraudService(ServiceSettings.of(infra.bootstrap(), infra.dataSource(), infra.redisUrl())
        .withGroupPrefix("it"), new FraudSettings(ModelRegistry.FRAUD_MODEL, models.resolve("production.json"), 0.9, Duration.ofHours(1)),
        registry);
    service.start();
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
    infra.close();
  }

  private static long count(String sql) throws Exception {
    try (Connection c = infra.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
         ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  @Order(1)
  void scoresEveryOrderOnceAndSeparatesLabelledFraud() throws Exception {
    DatasetSummary summary = data.setUpStreamingData(DatasetProfile.of(300, 60, 800).withFraudShare(0.06), 42,
        Instant.parse("2031-02-01T00:00:00Z"));
    await().atMost(Duration.ofSeconds(90)).until(() -> count("SELECT count(*) FROM fraud_decisions") >= summary.orders());
    assertThat(count("SELECT count(*) FROM fraud_decisions")).isEqualTo(summary.orders());

    long fraud = count("SELECT count(*) FROM fraud_labels");
    long caught = count("SELECT count(*) FROM fraud_decisions d JOIN fraud_labels l USING (order_id) WHERE d.score >= 0.5");
    long falseAlarms = count("SELECT count(*) FROM fraud_decisions d LEFT JOIN fraud_labels l USING (order_id) "
        + "WHERE l.order_id IS NULL AND d.score >= 0.5");
    long legit = summary.orders() - fraud;
    System.out.printf("rules-v2 on %d orders (%d labelled fraud): recall %.3f, false positive rate %.4f%n",
        summary.orders(), fraud, (double) caught / fraud, (double) falseAlarms / legit);
    // The first order of a burst looks legitimate by construction; the rules still catch most labelled fraud.
    assertThat((double) caught / fraud).as("recall at the alert threshold").isGreaterThan(0.6);
    assertThat((double) falseAlarms / legit).as("false positive rate").isLessThan(0.05);
    assertThat(count("SELECT count(*) FROM fraud_decisions WHERE model_version = 'rules-v2'")).isEqualTo(summary.orders());

    long alerting = count("SELECT count(*) FROM fraud_decisions WHERE score >= 0.5");
    Set<UUID> alerted = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> r : infra.readAll(Topics.FRAUD_ALERTS, (int) alerting, 15_000)) {
      alerted.add(UUID.fromString(EventJson.mapper().readTree(r.value()).path("data").path("orderId").asText()));
    }
    assertThat(alerted).hasSize((int) alerting);
    Set<UUID> decided = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> r : infra.readAll(Topics.FRAUD_DECISIONS, summary.orders(), 15_000)) {
      decided.add(UUID.fromString(new String(r.key())));
    }
    assertThat(decided).hasSize(summary.orders());
    assertThat(registry.find("ecap_fraud_scoring").timer().count()).isGreaterThanOrEqualTo(summary.orders());
    assertThat(service.health().status()).isEqualTo(ServiceHealth.Status.UP);
  }

  @Test
  @Order(2)
  void aModelFileIsHotReloadedWithoutRestartAndABrokenOneIsRejected() throws Exception {
    Path production = models.resolve("production.json");
    // Everything scores ~1: a model that declines every order, so its effect is unmistakable.
    Path staged = models.resolve("staged.json");
    Files.writeString(staged, FraudModelJson.write(constant("paranoid", 2, 12.0)));
    Files.move(staged, production, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    try {
      assertThat(service.reloadModel()).isEqualTo("paranoid-v2");

      DatasetSummary summary = data.setUpStreamingData(DatasetProfile.of(40, 20, 60), 77,
          Instant.parse("2031-03-01T00:00:00Z"));
      await().atMost(Duration.ofSeconds(60)).until(() ->
          count("SELECT count(*) FROM fraud_decisions WHERE model_version = 'paranoid-v2'") == summary.orders());
      assertThat(count("SELECT count(*) FROM fraud_decisions WHERE model_version = 'paranoid-v2' "
          + "AND decision = 'DECLINE'")).isEqualTo(summary.orders());

      Files.writeString(production, "{\"modelName\":\"broken\",\"featureNames\":[\"no_such\"]}");
      assertThat(service.reloadModel()).isEqualTo("paranoid-v2");
      assertThat(registry.find("ecap_fraud_model_rejected").counter().count()).isEqualTo(1);
    } finally {
      Files.deleteIfExists(production);
    }
    assertThat(service.reloadModel()).isEqualTo("rules-v2");
  }

  @Test
  @Order(3)
  void theRegistrysProductionModelIsServedAndAPromotionSwapsItWithoutRestart() throws Exception {
    ModelRegistry models = new ModelRegistry(infra.dataSource());
    // Heavily weighted on the velocity feature: a burst scores high, a first order low.
    FraudModelParameters velocity = new FraudModelParameters(ModelRegistry.FRAUD_MODEL, 0, "test",
        FraudFeatures.NAMES, -3.0, List.of(4.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0), 0.5, Map.of("auc", 0.8), Instant.now());
    RegisteredModel v1 = models.promote(ModelRegistry.FRAUD_MODEL,
        models.register(velocity, "/models/{version}").version());
    String v1Name = ModelRegistry.FRAUD_MODEL + "-v" + v1.version();
    try {
      assertThat(service.reloadModel()).as("the registry comes before the model file and the rules").isEqualTo(v1Name);
      DatasetSummary summary = data.setUpStreamingData(DatasetProfile.of(40, 20, 80), 91,
          Instant.parse("2031-04-01T00:00:00Z"));
      await().atMost(Duration.ofSeconds(60)).until(() ->
          count("SELECT count(*) FROM fraud_decisions WHERE model_version = '" + v1Name + "'") == summary.orders());
      // Every decision is the registry model's formula applied to the features published with it.
      FraudModelScorer scorer = new FraudModelScorer(v1.parameters());
      Set<String> checked = new HashSet<>();
      for (ConsumerRecord<byte[], byte[]> r : infra.readAll(Topics.FRAUD_DECISIONS, Integer.MAX_VALUE, 5_000)) {
        JsonNode data = EventJson.mapper().readTree(r.value()).path("data");
        if (!data.path("modelVersion").asText().equals(v1Name)) {
          continue;
        }
        double[] x = FraudFeatures.NAMES.stream().mapToDouble(n -> data.path("features").path(n).asDouble()).toArray();
        assertThat(data.path("score").asDouble()).as("score of %s", data.path("orderId"))
            .isEqualTo(scorer.score(x));
        assertThat(data.path("decision").asText()).isEqualTo(scorer.score(x) >= 0.9 ? "DECLINE"
            : scorer.score(x) >= 0.5 ? "REVIEW" : "APPROVE");
        checked.add(data.path("orderId").asText());
      }
      // Distinct orders: delivery is at-least-once, a re-sent decision carries the same event id.
      assertThat(checked).hasSize(summary.orders());

      // Promote a model that approves everything: picked up without a restart, scores follow it.
      RegisteredModel v2 = models.promote(ModelRegistry.FRAUD_MODEL,
          models.register(constant(ModelRegistry.FRAUD_MODEL, 0, -12.0), "/models/{version}").version());
      String v2Name = ModelRegistry.FRAUD_MODEL + "-v" + v2.version();
      assertThat(service.reloadModel()).isEqualTo(v2Name);
      DatasetSummary more = data.setUpStreamingData(DatasetProfile.of(20, 10, 30), 92,
          Instant.parse("2031-04-15T00:00:00Z"));
      await().atMost(Duration.ofSeconds(60)).until(() ->
          count("SELECT count(*) FROM fraud_decisions WHERE model_version = '" + v2Name + "'") == more.orders());
      assertThat(count("SELECT count(*) FROM fraud_decisions WHERE model_version = '" + v2Name + "' "
          + "AND decision = 'APPROVE'")).isEqualTo(more.orders());
    } finally {
      try (Connection c = infra.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
          "UPDATE model_registry SET stage = 'ARCHIVED' WHERE stage = 'PRODUCTION'")) {
        ps.executeUpdate();
      }
    }
    assertThat(service.reloadModel()).as("withdrawn from production: back to the rules").isEqualTo("rules-v2");
  }

  /** A model that ignores the features: score = sigmoid(intercept). */
  private static FraudModelParameters constant(String name, int version, double intercept) {
    return new FraudModelParameters(name, version, "test", FraudFeatures.NAMES, intercept,
        List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0), 0.5, Map.of(), Instant.now());
  }
}
