package io.ecap.platform.streaming.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecap.platform.core.events.EventEnvelope;
import io.ecap.platform.core.events.EventJson;
import io.ecap.platform.core.events.OrderPlaced;
import io.ecap.platform.streaming.TestEvents;
import io.ecap.platform.streaming.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BaseStreamingConsumer against a real broker and PostgreSQL: idempotency, DLQ, crashes, broker restart, metrics. */
class BaseStreamingConsumerIT {

  private static TestInfrastructure infra;

  @BeforeAll
  static void start() throws Exception {
    infra = TestInfrastructure.start();
    try (Connection c = infra.dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute(RecordingConsumer.TABLE);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    infra.close();
  }

  private static RecordingConsumer consumer(String topic, String group, String dlqTopic, SimpleMeterRegistry registry) {
    ConsumerSettings settings = ConsumerSettings.of(infra.bootstrap(), group, List.of(topic)).withRetry(
        new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100))).withMaxPollRecords(100);
    return new RecordingConsumer(settings, infra.dataSource(), new DeadLetterPublisher(infra.producer(), dlqTopic),
        registry);
  }

  private static long consumed(String group) throws Exception {
    try (Connection c = infra.dataSource().getConnection();
         PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM it_consumed WHERE consumer_group = ?")) {
      ps.setString(1, group);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static double counter(SimpleMeterRegistry registry, String topic, String outcome) {
    var c = registry.find("ecap_streaming_records").tag("topic", topic).tag("outcome", outcome).counter();
    return c == null ? 0 : c.count();
  }

  private static List<EventEnvelope<OrderPlaced>> publishOrders(String topic, int n) throws Exception {
    List<EventEnvelope<OrderPlaced>> sent = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      EventEnvelope<OrderPlaced> e = TestEvents.order(Instant.parse("2030-01-01T00:00:00Z").plusSeconds(i), 1_000 + i);
      infra.publish(topic, e.data().customerId().toString(), e);
      sent.add(e);
    }
    return sent;
  }

  @Test
  void redeliveredRecordsChangeNothing() throws Exception {
    String topic = "it-redelivery";
    infra.createTopics(List.of(topic));
    List<EventEnvelope<OrderPlaced>> sent = publishOrders(topic, 60);
    // The same events published again (a producer retry or an upstream replay): new offsets, same ids.
    for (EventEnvelope<OrderPlaced> e : sent.subList(0, 15)) {
      infra.publish(topic, e.data().customerId().toString(), e);
    }
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (RecordingConsumer c = consumer(topic, "g-redelivery", "it-dlq-redelivery", registry)) {
      c.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> counter(registry, topic, "processed")
          + counter(registry, topic, "duplicate") == 75);
    }
    assertThat(consumed("g-redelivery")).isEqualTo(60);
    assertThat(counter(registry, topic, "duplicate")).isEqualTo(15);

    // Rewind the group's committed offsets to the start: every record is delivered again.
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrap());
    try (Admin admin = Admin.create(props)) {
      Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
      for (int p = 0; p < TestInfrastructure.PARTITIONS; p++) {
        zero.put(new TopicPartition(topic, p), new OffsetAndMetadata(0));
      }
      admin.alterConsumerGroupOffsets("g-redelivery", zero).all().get();
    }
    SimpleMeterRegistry again = new SimpleMeterRegistry();
    try (RecordingConsumer c = consumer(topic, "g-redelivery", "it-dlq-redelivery", again)) {
      c.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> counter(again, topic, "duplicate") == 75);
    }
    assertThat(consumed("g-redelivery")).isEqualTo(60);
    assertThat(counter(again, topic, "processed")).isZero();
  }

  @Test
  void poisonRecordsGoToTheDeadLetterTopicWithOriginalBytesAndErrorHeaders() throws Exception {
    String topic = "it-poison";
    String dlq = "it-dlq-poison";
    infra.createTopics(List.of(topic, dlq));
    byte[] notJson = "this is not json".getBytes(StandardCharsets.UTF_8);
    infra.publishRaw(new ProducerRecord<>(topic, 0, "k1".getBytes(StandardCharsets.UTF_8), notJson));
    EventEnvelope<OrderPlaced> invalid = TestEvents.order(Instant.parse("2030-01-01T00:00:00Z"), 500);
    byte[] schemaInvalid = EventJson.write(invalid).replace("\"currency\":\"EUR\"", "\"currency\":\"euro\"")
        .getBytes(StandardCharsets.UTF_8);
    infra.publishRaw(new ProducerRecord<>(topic, 0, "k2".getBytes(StandardCharsets.UTF_8), schemaInvalid));
    EventEnvelope<OrderPlaced> rejected = TestEvents.order(Instant.parse("2030-01-01T00:00:01Z"), 600);
    EventEnvelope<OrderPlaced> flaky = TestEvents.order(Instant.parse("2030-01-01T00:00:02Z"), 700);
    EventEnvelope<OrderPlaced> hopeless = TestEvents.order(Instant.parse("2030-01-01T00:00:03Z"), 800);
    for (EventEnvelope<OrderPlaced> e : List.of(rejected, flaky, hopeless)) {
      infra.publishRaw(new ProducerRecord<>(topic, 0, "k".getBytes(StandardCharsets.UTF_8), EventJson.writeBytes(e)));
    }
    // Records after the poison ones: the stream goes on.
    List<EventEnvelope<OrderPlaced>> good = publishOrders(topic, 20);

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (RecordingConsumer c = consumer(topic, "g-poison", dlq, registry)) {
      c.rejected.add(rejected.data().orderId());
      c.transientFailures.put(flaky.data().orderId(), 2);
      c.transientFailures.put(hopeless.data().orderId(), 100);
      c.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> consumed("g-poison") == 21
          && counter(registry, topic, "dead_lettered") == 4);
    }
    List<ConsumerRecord<byte[], byte[]>> dead = infra.readAll(dlq, 4, 10_000);
    assertThat(dead).hasSize(4);
    Map<String, ConsumerRecord<byte[], byte[]>> byReason = new HashMap<>();
    dead.forEach(r -> byReason.put(header(r, DeadLetterPublisher.REASON), r));
    assertThat(byReason.keySet()).containsExactlyInAnyOrder("UNDESERIALIZABLE", "SCHEMA_INVALID", "PROCESSING_FAILED",
        "RETRIES_EXHAUSTED");
    ConsumerRecord<byte[], byte[]> garbage = byReason.get("UNDESERIALIZABLE");
    assertThat(garbage.value()).isEqualTo(notJson);
    assertThat(garbage.key()).isEqualTo("k1".getBytes(StandardCharsets.UTF_8));
    assertThat(header(garbage, DeadLetterPublisher.ORIGINAL_TOPIC)).isEqualTo(topic);
    assertThat(header(garbage, DeadLetterPublisher.ORIGINAL_PARTITION)).isEqualTo("0");
    assertThat(header(garbage, DeadLetterPublisher.ORIGINAL_OFFSET)).isEqualTo("0");
    assertThat(header(garbage, DeadLetterPublisher.CONSUMER_GROUP)).isEqualTo("g-poison");
    assertThat(byReason.get("SCHEMA_INVALID").value()).isEqualTo(schemaInvalid);
    assertThat(header(byReason.get("SCHEMA_INVALID"), DeadLetterPublisher.ERROR_MESSAGE)).contains("currency");
    assertThat(header(byReason.get("PROCESSING_FAILED"), DeadLetterPublisher.ERROR_MESSAGE)).contains("rejected by the test");
    assertThat(header(byReason.get("PROCESSING_FAILED"), DeadLetterPublisher.ATTEMPTS)).isEqualTo("1");
    assertThat(header(byReason.get("RETRIES_EXHAUSTED"), DeadLetterPublisher.ATTEMPTS)).isEqualTo("3");
    assertThat(header(byReason.get("RETRIES_EXHAUSTED"), DeadLetterPublisher.ERROR_CLASS))
        .isEqualTo("java.sql.SQLTransientConnectionException");
    assertThat(header(byReason.get("RETRIES_EXHAUSTED"), "event_type")).isEqualTo(null);
    // The flaky order succeeded on its third attempt, once; the good ones all went through.
    assertThat(registry.find("ecap_streaming_retries").counter().count()).isGreaterThanOrEqualTo(4);
    Set<UUID> done = orderIds("g-poison");
    assertThat(done).contains(flaky.data().orderId()).doesNotContain(rejected.data().orderId(), hopeless.data().orderId());
    good.forEach(e -> assertThat(done).contains(e.data().orderId()));
  }

  @Test
  void consumerKilledMidBatchAndRestartedLosesAndDoublesNothing() throws Exception {
    String topic = "it-crash";
    String dlq = "it-dlq-crash";
    infra.createTopics(List.of(topic, dlq));
    int valid = 0;
    int poison = 0;
    for (int i = 0; i < 600; i++) {
      if (i % 50 == 7) {
        infra.publishRaw(new ProducerRecord<>(topic, ("p" + i).getBytes(StandardCharsets.UTF_8),
            ("{broken " + i).getBytes(StandardCharsets.UTF_8)));
        poison++;
      } else {
        EventEnvelope<OrderPlaced> e = TestEvents.order(Instant.parse("2030-01-02T00:00:00Z").plusSeconds(i), 100 + i);
        infra.publish(topic, e.data().customerId().toString(), e);
        valid++;
      }
    }
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    RecordingConsumer first = consumer(topic, "g-crash", dlq, registry);
    RecordingConsumer second = consumer(topic, "g-crash", dlq, registry);
    first.sleepMillisPerEvent = 2;
    second.sleepMillisPerEvent = 2;
    first.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> consumed("g-crash") > 60);
    // A second instance joins (rebalance) while the first is mid-stream, then the first dies mid-batch.
    second.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> consumed("g-crash") > 200);
    first.crashNext = true;
    await().atMost(Duration.ofSeconds(30)).until(() -> first.failure() != null);
    assertThat(first.failure()).isInstanceOf(RecordingConsumer.SimulatedCrash.class);
    assertThat(consumed("g-crash")).isLessThan(valid);
    // A replacement instance takes over as well.
    RecordingConsumer third = consumer(topic, "g-crash", dlq, registry);
    third.start();
    int expectedValid = valid;
    await().atMost(Duration.ofSeconds(60)).until(() -> consumed("g-crash") == expectedValid);
    second.close();
    third.close();
    first.close();

    assertThat(consumed("g-crash")).isEqualTo(valid);
    Set<String> deadOffsets = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> r : infra.readAll(dlq, poison, 10_000)) {
      deadOffsets.add(header(r, DeadLetterPublisher.ORIGINAL_PARTITION) + "@" + header(r, DeadLetterPublisher.ORIGINAL_OFFSET));
    }
    // count in = count out + DLQ (a poison record can be dead-lettered twice across a crash; it counts once).
    assertThat(deadOffsets).hasSize(poison);
    assertThat((long) valid + poison).isEqualTo(consumed("g-crash") + deadOffsets.size());
  }

  @Test
  void brokerStoppedAndStartedLosesNothing() throws Exception {
    String topic = "it-broker";
    infra.createTopics(List.of(topic));
    publishOrders(topic, 100);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (RecordingConsumer c = consumer(topic, "g-broker", "it-dlq-broker", registry)) {
      c.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> consumed("g-broker") == 100);
      BrokerServer broker = infra.kafka().brokers().values().iterator().next();
      broker.shutdown();
      broker.awaitShutdown();
      Thread.sleep(2_000);
      assertThat(c.isRunning()).isTrue();
      broker.startup();
      infra.kafka().waitForReadyBrokers();
      publishOrders(topic, 100);
      await().atMost(Duration.ofSeconds(90)).until(() -> consumed("g-broker") == 200);
      assertThat(c.isRunning()).isTrue();
    }
    assertThat(consumed("g-broker")).isEqualTo(200);
  }

  @Test
  void traceContextComesFromTheTraceparentHeaderAndMetricsAreExported() throws Exception {
    String topic = "it-trace";
    infra.createTopics(List.of(topic));
    EventEnvelope<OrderPlaced> e = TestEvents.order(Instant.parse("2030-01-03T00:00:00Z"), 990);
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, "k".getBytes(StandardCharsets.UTF_8),
        EventJson.writeBytes(e));
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    record.headers().add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
    infra.publishRaw(record);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (RecordingConsumer c = consumer(topic, "g-trace", "it-dlq-trace", registry)) {
      c.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> consumed("g-trace") == 1);
      await().atMost(Duration.ofSeconds(5)).until(() ->
          registry.find("ecap_streaming_consumer_lag_records").tag("topic", topic).gauge() != null);
    }
    try (Connection c = infra.dataSource().getConnection();
         PreparedStatement ps = c.prepareStatement("SELECT trace_id FROM it_consumed WHERE consumer_group = 'g-trace'")) {
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo(traceId);
      }
    }
    assertThat(registry.find("ecap_streaming_processing").tag("topic", topic).timer().count()).isEqualTo(1);
    assertThat(registry.find("ecap_streaming_consumer_lag_records").tag("topic", topic).gauge().value()).isZero();
    assertThat(counter(registry, topic, "processed")).isEqualTo(1);
  }

  private static Set<UUID> orderIds(String group) throws Exception {
    Set<UUID> ids = new HashSet<>();
    try (Connection c = infra.dataSource().getConnection();
         PreparedStatement ps = c.prepareStatement("SELECT order_id FROM it_consumed WHERE consumer_group = ?")) {
      ps.setString(1, group);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getObject(1, UUID.class));
        }
      }
    }
    return ids;
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
