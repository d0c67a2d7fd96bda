package io.ecap.platform.streaming.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecap.platform.core.Topics;
import io.ecap.platform.core.events.ClickstreamEvent.Action;
import io.ecap.platform.core.events.EventEnvelope;
import io.ecap.platform.core.events.OrderPlaced;
import io.ecap.platform.streaming.TestEvents;
import io.ecap.platform.streaming.TestInfrastructure;
import io.ecap.platform.streaming.consumer.DeadLetterPublisher;
import io.ecap.platform.streaming.service.Connections;
import io.ecap.platform.streaming.service.ServiceHealth;
import io.ecap.platform.streaming.service.ServiceSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * The streaming service end to end: Kafka in, windows in PostgreSQL and Redis out. Each test uses its own event-time
 * day so their windows never meet; one service instance serves the whole class. The days increase in test order:
 * a partition's watermark is the latest event time it carried, so an earlier day after a later one would be late.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamingPipelineIT {

  private static TestInfrastructure infra;
  private static StreamingService service;
  private static PrometheusMeterRegistry registry;
  private static JedisPool redis;

  @BeforeAll
  static void start() throws Exception {
    infra = TestInfrastructure.start();
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    service = new StreamingService(ServiceSettings.of(infra.bootstrap(), infra.dataSource(), infra.redisUrl())
        .withGroupPrefix("it"), registry, new StreamingSettings(Duration.ofMinutes(1), Duration.ofSeconds(1)));
    service.start();
    redis = Connections.redis(infra.redisUrl());
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
    redis.close();
    infra.close();
  }

  private static Map<String, String> hash(String window, Metric metric, Instant start) {
    try (Jedis j = redis.getResource()) {
      return j.hgetAll(LiveAggregateKeys.cell(window, metric, start));
    }
  }

  private static long history(String window, Metric metric, Instant start, String dimension) throws Exception {
    try (Connection c = infra.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT value FROM streaming_window_aggregates WHERE window_name = ? AND metric = ? AND window_start = ? "
            + "AND dimension = ?")) {
      ps.setString(1, window);
      ps.setString(2, metric.key());
      ps.setTimestamp(3, java.sql.Timestamp.from(start));
      ps.setString(4, dimension);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }

  @Test
  @Order(1)
  void aggregatesOrdersPaymentsAndClicksInTumblingAndSlidingWindows() throws Exception {
    Instant t = Instant.parse("2020-01-01T10:00:00Z");
    UUID customer = UUID.randomUUID();
    UUID p1 = UUID.randomUUID();
    UUID p2 = UUID.randomUUID();
    String key = customer.toString();
    EventEnvelope<OrderPlaced> o1 = TestEvents.order(UUID.randomUUID(), customer, t.plusSeconds(10), 1_000, p1, 2);
    EventEnvelope<OrderPlaced> o2 = TestEvents.order(UUID.randomUUID(), customer, t.plusSeconds(20), 2_500, p2, 1);
    EventEnvelope<OrderPlaced> o3 = TestEvents.order(UUID.randomUUID(), customer, t.plusSeconds(70), 500, p1, 1);
    infra.publish(Topics.ORDERS, key, o1);
    infra.publish(Topics.ORDERS, key, o2);
    infra.publish(Topics.ORDERS, key, o3);
    infra.publish(Topics.PAYMENTS, key, TestEvents.payment(o1.data().orderId(), customer, t.plusSeconds(11), 1_000, "card-0001", "DE"));
    infra.publish(Topics.PAYMENTS, key, TestEvents.payment(o2.data().orderId(), customer, t.plusSeconds(21), 2_500, "card-0001", "DE"));
    UUID session = UUID.randomUUID();
    for (Action a : List.of(Action.PAGE_VIEW, Action.PAGE_VIEW, Action.PRODUCT_VIEW, Action.ADD_TO_CART, Action.PURCHASE)) {
      infra.publish(Topics.CLICKSTREAM, session.toString(), TestEvents.click(session, a, t.plusSeconds(5)));
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> "3".equals(hash("sliding-5m", Metric.ORDERS, t).get("all"))
        && hash("tumbling-1m", Metric.FUNNEL, t).size() == 4 && hash("tumbling-1m", Metric.PAYMENTS, t).size() == 1);
    assertThat(hash("tumbling-1m", Metric.ORDERS, t)).containsEntry("all", "2");
    assertThat(hash("tumbling-1m", Metric.ORDERS, t.plusSeconds(60))).containsEntry("all", "1");
    assertThat(hash("tumbling-1m", Metric.REVENUE_CENTS, t)).containsEntry("EUR", "3500");
    assertThat(hash("sliding-5m", Metric.REVENUE_CENTS, t)).containsEntry("EUR", "4000");
    // The sliding window that started four minutes before t holds only the first minute's orders.
    assertThat(hash("sliding-5m", Metric.ORDERS, t.minusSeconds(240))).containsEntry("all", "2");
    assertThat(hash("tumbling-1m", Metric.PAYMENTS, t)).containsEntry("AUTHORIZED", "2");
    assertThat(hash("tumbling-1m", Metric.FUNNEL, t)).containsEntry("PAGE_VIEW", "2").containsEntry("PRODUCT_VIEW", "1")
        .containsEntry("ADD_TO_CART", "1").containsEntry("PURCHASE", "1");
    try (Jedis j = redis.getResource()) {
      assertThat(j.zrevrange(LiveAggregateKeys.topProducts("sliding-5m", t), 0, 0)).containsExactly(p1.toString());
      assertThat(j.zscore(LiveAggregateKeys.topProducts("sliding-5m", t), p1.toString())).isEqualTo(3.0);
      assertThat(j.zscore(LiveAggregateKeys.windows("tumbling-1m"), Long.toString(t.toEpochMilli()))).isNotNull();
    }
    assertThat(history("tumbling-1m", Metric.ORDERS, t, "all")).isEqualTo(2);
    assertThat(history("sliding-5m", Metric.PRODUCT_UNITS, t, p1.toString())).isEqualTo(3);
  }

  @Test
  @Order(2)
  void outOfOrderEventsWithinTheAllowedLatenessCountAndLateOnesAreRecorded() throws Exception {
    Instant t = Instant.parse("2020-01-02T10:00:00Z");
    UUID customer = UUID.randomUUID();
    String key = customer.toString();
    UUID product = UUID.randomUUID();
    Thread.sleep(1_500); // let other tests' partitions go idle (1 s) so they do not hold the watermark back
    infra.publish(Topics.ORDERS, key, TestEvents.order(UUID.randomUUID(), customer, t.plusSeconds(130), 100, product, 1));
    // 50 s behind the watermark: its one-minute window [t+60, t+120) is open until the watermark reaches t+180.
    infra.publish(Topics.ORDERS, key, TestEvents.order(UUID.randomUUID(), customer, t.plusSeconds(90), 100, product, 1));
    await().atMost(Duration.ofSeconds(30)).until(() -> history("tumbling-1m", Metric.ORDERS, t.plusSeconds(60), "all") == 1
        && history("tumbling-1m", Metric.ORDERS, t.plusSeconds(120), "all") == 1);

    infra.publish(Topics.ORDERS, key, TestEvents.order(UUID.randomUUID(), customer, t.plusSeconds(370), 100, product, 1));
    EventEnvelope<OrderPlaced> late = TestEvents.order(UUID.randomUUID(), customer, t.plusSeconds(50), 100, product, 1);
    infra.publish(Topics.ORDERS, key, late);
    await().atMost(Duration.ofSeconds(30)).until(() -> lateEventRecorded(late.eventId()));
    assertThat(history("tumbling-1m", Metric.ORDERS, t, "all")).isEqualTo(-1);
    assertThat(history("sliding-5m", Metric.ORDERS, t, "all")).isEqualTo(2);
    assertThat(registry.find("ecap_streaming_records").tag("outcome", "late").counter().count()).isGreaterThanOrEqualTo(1);
    try (Connection c = infra.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT closed FROM streaming_window_aggregates WHERE window_name = 'tumbling-1m' AND metric = 'orders' "
            + "AND window_start = ?")) {
      ps.setTimestamp(1, java.sql.Timestamp.from(t.plusSeconds(60)));
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBoolean(1)).as("window closed once the watermark passed end + lateness").isTrue();
      }
    }
  }

  private static boolean lateEventRecorded(UUID eventId) throws Exception {
    try (Connection c = infra.dataSource().getConnection();
         PreparedStatement ps = c.prepareStatement("SELECT 1 FROM streaming_late_events WHERE event_id = ?")) {
      ps.setObject(1, eventId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  @Test
  @Order(3)
  void redisUnavailableDuringAggregationRecoversWithoutLoss() throws Exception {
    Instant t = Instant.parse("2020-01-03T10:00:00Z");
    infra.stopRedis();
    try {
      for (int i = 0; i < 30; i++) {
        EventEnvelope<OrderPlaced> e = TestEvents.order(t.plusSeconds(i), 100);
        infra.publish(Topics.ORDERS, e.data().customerId().toString(), e);
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> history("tumbling-1m", Metric.ORDERS, t, "all") == 30);
      assertThat(service.health().status()).isEqualTo(ServiceHealth.Status.DEGRADED);
      assertThat(service.health().details().get("redis")).contains("cells waiting for Redis");
    } finally {
      infra.startRedis();
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> "30".equals(hash("tumbling-1m", Metric.ORDERS, t).get("all")));
    assertThat(hash("tumbling-1m", Metric.REVENUE_CENTS, t)).containsEntry("EUR", "3000");
    await().atMost(Duration.ofSeconds(10)).until(() -> service.health().status() == ServiceHealth.Status.UP);
  }

  @Test
  @Order(4)
  void aPoisonRecordLandsInTheDeadLetterTopicAndTheStreamGoesOn() throws Exception {
    Instant t = Instant.parse("2020-01-04T10:00:00Z");
    byte[] poison = "{\"eventType\":\"order.placed\",\"truncated".getBytes(StandardCharsets.UTF_8);
    infra.publishRaw(new ProducerRecord<>(Topics.ORDERS, "poison-key".getBytes(StandardCharsets.UTF_8), poison));
    EventEnvelope<OrderPlaced> after = TestEvents.order(t, 4_200);
    infra.publish(Topics.ORDERS, after.data().customerId().toString(), after);
    await().atMost(Duration.ofSeconds(30)).until(() -> "1".equals(hash("tumbling-1m", Metric.ORDERS, t).get("all")));
    List<ConsumerRecord<byte[], byte[]>> dead = infra.readAll(Topics.DEAD_LETTER, 1, 10_000);
    assertThat(dead).anySatisfy(r -> {
      assertThat(r.value()).isEqualTo(poison);
      assertThat(new String(r.headers().lastHeader(DeadLetterPublisher.CONSUMER_GROUP).value(), StandardCharsets.UTF_8))
          .isEqualTo("it-streaming");
      assertThat(new String(r.headers().lastHeader(DeadLetterPublisher.REASON).value(), StandardCharsets.UTF_8))
          .isEqualTo("UNDESERIALIZABLE");
    });
  }

  @Test
  @Order(5)
  void metricsAreExportedWithPrometheusNamesInBaseUnits() {
    String exposition = registry.scrape();
    assertThat(exposition).contains("ecap_streaming_records_total{consumer_group=\"it-streaming\",outcome=\"processed\",topic=\"orders\"}")
        .contains("outcome=\"dead_lettered\"").contains("outcome=\"late\"")
        .contains("ecap_streaming_processing_seconds_bucket{consumer_group=\"it-streaming\"")
        .contains("ecap_streaming_batch_seconds_count")
        .contains("ecap_streaming_consumer_lag_records{consumer_group=\"it-streaming\",topic=\"orders\"}")
        .contains("ecap_streaming_redis_pending_cells").contains("ecap_streaming_redis_write_failures_total");
  }
}
