package io.ecap.testrunner.suites.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testrunner.suites.Endpoint;
import io.ecap.testrunner.suites.Endpoints;
import io.ecap.testrunner.suites.Eventually;
import io.ecap.testrunner.suites.PlatformDisruption;
import io.ecap.testrunner.suites.PlatformHttp;
import io.ecap.testrunner.suites.RequiresEndpoints;
import io.ecap.testrunner.suites.api.ExercisedRoutes;
import io.ecap.testrunner.suites.api.Exercises;
import io.ecap.testrunner.suites.wire.FreshDimensions;
import io.ecap.testrunner.suites.wire.LiveAggregates;
import io.ecap.testrunner.suites.wire.ServiceAdmin;
import io.ecap.testrunner.suites.wire.TopicTail;
import io.ecap.testrunner.suites.wire.WireEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code streaming} suite: events published to Kafka come out as exact window aggregates in Redis and
 * PostgreSQL; out-of-order events count, late ones are kept apart; poison records go to the dead-letter topic with
 * their bytes and the error while the stream goes on; a republished event changes nothing; a consumer restarted
 * mid-stream or a broker stopped and started loses and doubles nothing (the broker only where the platform can
 * restart it: the --embedded platform; elsewhere that test is skipped with the platform's reason). Each test owns its dimensions (a fresh currency, a new product id), so
 * shards can publish into the same windows. Runs while no other shard has a dependency cut off.
 */
@Tag("streaming")
@RequiresEndpoints({Endpoint.API, Endpoint.KAFKA, Endpoint.JDBC, Endpoint.REDIS})
@ExtendWith(ExercisedRoutes.class)
class TestStreamingPipelineIntegration {

  private static final String REVENUE = "revenue_cents";

  private StreamingFixture fx;
  private PlatformDisruption.Hold undisturbed;

  @BeforeEach
  void open() {
    Endpoints endpoints = Endpoints.fromEnvironment();
    Assumptions.assumeTrue(endpoints.service("streaming").isPresent(), Endpoints.serviceVariable("streaming")
        + " is not set: no streaming service is deployed");
    fx = new StreamingFixture();
  }

  @AfterEach
  void close() {
    if (undisturbed != null) {
      undisturbed.close();
    }
    if (fx != null) {
      fx.close();
    }
  }

  private void undisturbed() {
    undisturbed = new PlatformDisruption(fx.endpoints).shared();
  }

  @Test
  void ordersBecomeExactWindowAggregatesInRedisAndPostgres() {
    undisturbed();
    String currency = FreshDimensions.currency(fx.db);
    String product = FreshDimensions.product();
    Instant at = Instant.now();
    long revenue = 0;
    long units = 0;
    for (int i = 1; i <= 5; i++) {
      fx.publisher.publish(WireEvents.order(UUID.randomUUID(), currency, product, i, 1_000 + i, at));
      revenue += i * (1_000L + i);
      units += i;
    }
    long minute = LiveAggregates.minuteOf(at);
    for (String window : List.of(LiveAggregates.TUMBLING, LiveAggregates.SLIDING)) {
      fx.awaitExact(window, REVENUE, minute, currency, revenue);
      fx.awaitUnits(window, minute, product, units);
      assertThat(fx.redis.listed(window, minute)).as("window %s %d listed", window, minute).isTrue();
    }
    // The sliding windows are five minutes every minute: the four earlier ones that hold the event time too.
    for (int back = 1; back <= 4; back++) {
      fx.awaitExact(LiveAggregates.SLIDING, REVENUE, minute - back * 60_000L, currency, revenue);
    }
    assertThat(fx.db.windowValue(LiveAggregates.SLIDING, REVENUE, minute - 5 * 60_000L, currency))
        .as("the sliding window that ended before the event").isZero();
  }

  @Test
  void outOfOrderEventsCountAndLateEventsAreRecordedApart() {
    undisturbed();
    String currency = FreshDimensions.currency(fx.db);
    String lateCurrency = FreshDimensions.currency(fx.db);
    UUID customer = UUID.randomUUID();
    Instant now = Instant.now();
    fx.publisher.publish(WireEvents.order(customer, currency, FreshDimensions.product(), 1, 500, now));
    fx.awaitExact(LiveAggregates.TUMBLING, REVENUE, LiveAggregates.minuteOf(now), currency, 500);
    // Out of order: 40 s behind what this partition has already seen, within the allowed lateness of a minute.
    Instant behind = now.minusSeconds(40);
    fx.publisher.publish(WireEvents.order(customer, currency, FreshDimensions.product(), 1, 70, behind));
    if (LiveAggregates.minuteOf(behind) == LiveAggregates.minuteOf(now)) {
      fx.awaitExact(LiveAggregates.TUMBLING, REVENUE, LiveAggregates.minuteOf(now), currency, 570);
    } else {
      fx.awaitExact(LiveAggregates.TUMBLING, REVENUE, LiveAggregates.minuteOf(behind), currency, 70);
      fx.awaitExact(LiveAggregates.TUMBLING, REVENUE, LiveAggregates.minuteOf(now), currency, 500);
    }
    fx.awaitExact(LiveAggregates.SLIDING, REVENUE, LiveAggregates.minuteOf(now) - 60_000L, currency, 570);

    // Late: ten minutes behind the watermark, after every window that holds it closed (end + 1 min lateness).
    Instant late = now.minus(Duration.ofMinutes(10));
    Eventually.within(Duration.ofSeconds(30), () -> assertThat(fx.redis.watermark()).as("watermark")
        .hasValueSatisfying(w -> assertThat(w).isAfter(late.plus(Duration.ofMinutes(7)))));
    double lateBefore = fx.records("late");
    WireEvents.Event lateOrder = WireEvents.order(customer, lateCurrency, FreshDimensions.product(), 3, 999, late);
    fx.publisher.publish(lateOrder);
    Eventually.within(StreamingFixture.AGGREGATED_WITHIN, () -> assertThat(fx.db.lateEvent(lateOrder.eventId()))
        .as("streaming_late_events rows of the late event").anySatisfy(g -> assertThat(g).endsWith("streaming")));
    assertThat(fx.db.rowsOfDimension(lateCurrency)).as("aggregate rows of the late event's currency").isZero();
    assertThat(fx.redis.value(LiveAggregates.TUMBLING, REVENUE, LiveAggregates.minuteOf(late), lateCurrency)).isZero();
    assertThat(fx.records("late")).as("ecap_streaming_records_total{outcome=\"late\"}").isGreaterThan(lateBefore);
  }

  @Test
  void poisonRecordsGoToTheDeadLetterTopicAsTheyWereAndTheStreamGoesOn() {
    undisturbed();
    String marker = UUID.randomUUID().toString();
    String key = UUID.randomUUID().toString();
    byte[] garbage = ("not json \u0000 " + marker).getBytes(StandardCharsets.UTF_8);
    byte[] invalid = ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\":\"order.placed\",\"schemaVersion\":1,"
        + "\"data\":{\"marker\":\"" + marker + "\"}}").getBytes(StandardCharsets.UTF_8);
    String currency = FreshDimensions.currency(fx.db);
    Instant at = Instant.now();
    try (TopicTail dlq = new TopicTail(fx.endpoints.require(Endpoint.KAFKA), "dead-letter")) {
      RecordMetadata garbageAt = fx.publisher.publishRaw("orders", key, garbage,
          Map.of("event_type", "order.placed", "x-ecap-test", marker));
      RecordMetadata invalidAt = fx.publisher.publishRaw("orders", key, invalid,
          Map.of("event_type", "order.placed", "x-ecap-test", marker));
      // Same key, same partition, published after the poison: it aggregates only if the stream went on.
      fx.publisher.publish(new WireEvents.Event("orders", key, UUID.randomUUID(), "order.placed",
          WireEvents.order(UUID.randomUUID(), currency, FreshDimensions.product(), 2, 250, at).json()));
      fx.awaitExact(LiveAggregates.TUMBLING, REVENUE, LiveAggregates.minuteOf(at), currency, 500);

      List<ConsumerRecord<byte[], byte[]>> dead = dlq.await(r -> marker.equals(TopicTail.header(r, "x-ecap-test"))
          && String.valueOf(TopicTail.header(r, "dlq.consumer.group")).endsWith("streaming"), 2, Duration.ofSeconds(30));
      assertThat(dead).as("dead letters of the streaming group").hasSize(2);
      ConsumerRecord<byte[], byte[]> undecodable = dead.stream()
          .filter(r -> Long.toString(garbageAt.offset()).equals(TopicTail.header(r, "dlq.original.offset")))
          .findFirst().orElseThrow(() -> new AssertionError("no dead letter of offset " + garbageAt.offset()));
      assertDeadLetter(undecodable, key, garbage, garbageAt, "UNDESERIALIZABLE");
      ConsumerRecord<byte[], byte[]> schemaInvalid = dead.stream()
          .filter(r -> Long.toString(invalidAt.offset()).equals(TopicTail.header(r, "dlq.original.offset")))
          .findFirst().orElseThrow(() -> new AssertionError("no dead letter of offset " + invalidAt.offset()));
      assertDeadLetter(schemaInvalid, key, invalid, invalidAt, "SCHEMA_INVALID");
    }
  }

  private static void assertDeadLetter(ConsumerRecord<byte[], byte[]> r, String key, byte[] value, RecordMetadata at,
                                       String reason) {
    assertThat(TopicTail.key(r)).as("key kept").isEqualTo(key);
    assertThat(r.value()).as("value kept byte for byte").isEqualTo(value);
    assertThat(TopicTail.header(r, "event_type")).as("original header kept").isEqualTo("order.placed");
    assertThat(TopicTail.header(r, "dlq.original.topic")).isEqualTo("orders");
    assertThat(TopicTail.header(r, "dlq.original.partition")).isEqualTo(Integer.toString(at.partition()));
    assertThat(TopicTail.header(r, "dlq.reason")).isEqualTo(reason);
    for (String header : List.of("dlq.error.class", "dlq.error.message", "dlq.attempts", "dlq.failed.at")) {
      assertThat(TopicTail.header(r, header)).as(header).isNotBlank();
    }
  }

  @Test
  void aRepublishedEventChangesNothing() {
    undisturbed();
    String currency = FreshDimensions.currency(fx.db);
    String markerCurrency = FreshDimensions.currency(fx.db);
    String product = FreshDimensions.product();
    UUID customer = UUID.randomUUID();
    Instant at = Instant.now();
    long minute = LiveAggregates.minuteOf(at);
    WireEvents.Event order = WireEvents.order(customer, currency, product, 4, 1_234, at);
    fx.publisher.publish(order);
    fx.awaitExact(LiveAggregates.TUMBLING, REVENUE, minute, currency, 4 * 1_234);
    fx.publisher.publish(order);
    fx.publisher.publish(order);
    // A later event of the same customer (same partition) shows the repeats were consumed before it.
    fx.publisher.publish(WireEvents.order(customer, markerCurrency, FreshDimensions.product(), 1, 1, at));
    fx.awaitExact(LiveAggregates.TUMBLING, REVENUE, minute, markerCurrency, 1);
    fx.awaitExact(LiveAggregates.TUMBLING, REVENUE, minute, currency, 4 * 1_234);
    fx.awaitUnits(LiveAggregates.TUMBLING, minute, product, 4);
    fx.awaitExact(LiveAggregates.SLIDING, REVENUE, minute, currency, 4 * 1_234);
  }

  @Test
  @Exercises("POST /admin/services/{name}/restart")
  void aConsumerRestartedMidStreamLosesAndDoublesNothing() throws Exception {
    String currency = FreshDimensions.currency(fx.db);
    String product = FreshDimensions.product();
    int count = 300;
    Instant at = Instant.now();
    long minute = LiveAggregates.minuteOf(at);
    List<WireEvents.Event> events = new ArrayList<>();
    long revenue = 0;
    for (int i = 0; i < count; i++) {
      long price = 100 + i % 37;
      events.add(WireEvents.order(UUID.randomUUID(), currency, product, 1, price, at));
      revenue += price;
    }
    ServiceAdmin admin = new ServiceAdmin(fx.endpoints);
    try (PlatformDisruption.Hold disturbing = new PlatformDisruption(fx.endpoints).exclusive()) {
      CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
        for (WireEvents.Event e : events) {
          fx.publisher.send(e);
          pause(10);
        }
        fx.publisher.flush();
      });
      fx.awaitUnitsAtLeast(minute, product, count / 5);
      int restarts = admin.restart("streaming");
      assertThat(restarts).as("restarts of the streaming service").isPositive();
      publishing.get(60, TimeUnit.SECONDS);
      fx.awaitExact(LiveAggregates.TUMBLING, REVENUE, minute, currency, revenue);
      fx.awaitUnits(LiveAggregates.TUMBLING, minute, product, count);
      pause(3_000);
      fx.awaitExact(LiveAggregates.TUMBLING, REVENUE, minute, currency, revenue);
      fx.awaitExact(LiveAggregates.SLIDING, REVENUE, minute, currency, revenue);
      fx.awaitUnits(LiveAggregates.SLIDING, minute, product, count);
      PlatformHttp service = new PlatformHttp(admin.serviceUrl("streaming"), Duration.ofSeconds(10));
      Eventually.within(Duration.ofSeconds(30), () -> assertThat(service.get("/health/ready").json()
          .path("status").asText()).as("streaming health after the restart").isEqualTo("UP"));
    }
  }

  @Test
  @Exercises("POST /admin/kafka/restart")
  void aBrokerStoppedAndStartedMidStreamLosesAndDoublesNothing() throws Exception {
    String currency = FreshDimensions.currency(fx.db);
    String product = FreshDimensions.product();
    int count = 200;
    Instant at = Instant.now();
    long minute = LiveAggregates.minuteOf(at);
    long revenue = 0;
    List<WireEvents.Event> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long price = 200 + i % 13;
      events.add(WireEvents.order(UUID.randomUUID(), currency, product, 1, price, at));
      revenue += price;
    }
    ServiceAdmin admin = new ServiceAdmin(fx.endpoints);
    try (PlatformDisruption.Hold disturbing = new PlatformDisruption(fx.endpoints).exclusive()) {
      events.subList(0, count / 2).forEach(fx.publisher::send);
      fx.publisher.flush();
      fx.awaitUnitsAtLeast(minute, product, 1);
      Optional<String> refused = admin.restartBroker(Duration.ofSeconds(3));
      Assumptions.assumeTrue(refused.isEmpty(), () -> "the platform cannot restart its broker: " + refused.orElse(""));
      // Sent right after the broker came back (the producer retries idempotently while it settles).
      events.subList(count / 2, count).forEach(fx.publisher::send);
      fx.publisher.flush();
      fx.awaitExact(LiveAggregates.TUMBLING, REVENUE, minute, currency, revenue);
      fx.awaitUnits(LiveAggregates.TUMBLING, minute, product, count);
      pause(3_000);
      fx.awaitExact(LiveAggregates.TUMBLING, REVENUE, minute, currency, revenue);
      fx.awaitExact(LiveAggregates.SLIDING, REVENUE, minute, currency, revenue);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
