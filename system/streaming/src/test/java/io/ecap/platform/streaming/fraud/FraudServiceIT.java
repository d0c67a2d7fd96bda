package io.ecap.platform.streaming.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecap.platform.core.Topics;
import io.ecap.platform.core.events.EventJson;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fraud service on generated data with labelled fraud: decisions, alerts, and hot reload of a promoted model. */
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
        .withGroupPrefix("it"), new FraudSettings(models.resolve("production.json"), 0.5, Duration.ofHours(1)), registry);
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
    System.out.printf("rules-v1 on %d orders (%d labelled fraud): recall %.3f, false positive rate %.4f%n",
        summary.orders(), fraud, (double) caught / fraud, (double) falseAlarms / legit);
    // The first order of a burst looks legitimate by construction; the rules still catch most labelled fraud.
    assertThat((double) caught / fraud).as("recall at the alert threshold").isGreaterThan(0.6);
    assertThat((double) falseAlarms / legit).as("false positive rate").isLessThan(0.05);
    assertThat(count("SELECT count(*) FROM fraud_decisions WHERE model_version = 'rules-v1'")).isEqualTo(summary.orders());

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
  void aPromotedModelIsHotReloadedWithoutRestartAndABrokenOneIsRejected() throws Exception {
    Path production = models.resolve("production.json");
    // Everything scores ~1: a model that alerts on every order, so its effect is unmistakable.
    String paranoid = "{\"modelVersion\":\"lr-it-2\",\"type\":\"logistic\",\"reviewThreshold\":0.5,"
        + "\"declineThreshold\":0.9,\"features\":[\"amount_log\"],\"intercept\":12.0,\"weights\":[0.0]}";
    Path staged = models.resolve("staged.json");
    Files.writeString(staged, paranoid);
    Files.move(staged, production, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    assertThat(service.reloadModel()).isEqualTo("lr-it-2");

    DatasetSummary summary = data.setUpStreamingData(DatasetProfile.of(40, 20, 60), 77,
        Instant.parse("2031-03-01T00:00:00Z"));
    await().atMost(Duration.ofSeconds(60)).until(() ->
        count("SELECT count(*) FROM fraud_decisions WHERE model_version = 'lr-it-2'") == summary.orders());
    assertThat(count("SELECT count(*) FROM fraud_decisions WHERE model_version = 'lr-it-2' AND decision = 'DECLINE'"))
        .isEqualTo(summary.orders());

    Files.writeString(production, "{\"modelVersion\":\"broken\",\"type\":\"logistic\",\"features\":[\"no_such\"]}");
    assertThat(service.reloadModel()).isEqualTo("lr-it-2");
    assertThat(registry.find("ecap_fraud_model_rejected").counter().count()).isEqualTo(1);
    Files.delete(production);
    assertThat(service.reloadModel()).isEqualTo("rules-v1");
  }
}
