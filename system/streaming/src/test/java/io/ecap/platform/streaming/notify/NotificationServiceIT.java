package io.ecap.platform.streaming.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.ecap.platform.core.events.EventEnvelope;
import io.ecap.platform.streaming.TestInfrastructure;
import io.ecap.platform.streaming.consumer.RetryPolicy;
import io.ecap.platform.streaming.fraud.FraudEvents;
import io.ecap.platform.streaming.service.ServiceSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Notifications to a real HTTP server (the JDK's) and a real SMTP server (GreenMail). Each test reads its own alert
 * topic with its own service instance, so their counts and rate-limit budgets do not mix.
 */
class NotificationServiceIT {

  private static TestInfrastructure infra;
  private static HttpServer http;
  private static GreenMail smtp;
  private static int smtpPort;
  private static final List<Received> received = new CopyOnWriteArrayList<>();
  /** The webhook answers 503 to this many more requests (negative: always). */
  private static final AtomicInteger failNext = new AtomicInteger();

  record Received(String path, String idempotencyKey, String body) {
  }

  @BeforeAll
  static void start() throws Exception {
    infra = TestInfrastructure.start();
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      int left = failNext.getAndUpdate(n -> n > 0 ? n - 1 : n);
      received.add(new Received(exchange.getRequestURI().getPath(),
          exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
      exchange.sendResponseHeaders(left != 0 ? 503 : 204, -1);
      exchange.close();
    });
    http.start();
    try (ServerSocket s = new ServerSocket(0)) {
      smtpPort = s.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterAll
  static void stop() throws Exception {
    smtp.stop();
    http.stop(0);
    infra.close();
  }

  private static NotificationService service(String name, boolean email, int perMinute) throws Exception {
    infra.createTopics(List.of("alerts-" + name));
    URI hook = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/hooks/" + name);
    NotificationSettings settings = NotificationSettings.of(List.of(hook),
            email ? new NotificationSettings.SmtpSettings("127.0.0.1", smtpPort, "ecap@example.test", null, null) : null,
            List.of(name + "@example.test"))
        .withRateLimit(perMinute).withAlertTopic("alerts-" + name)
        .withDelivery(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200)));
    NotificationService service = new NotificationService(ServiceSettings.of(infra.bootstrap(), infra.dataSource(),
        infra.redisUrl()).withGroupPrefix("it-" + name), settings, new SimpleMeterRegistry());
    service.start();
    return service;
  }

  private static EventEnvelope<FraudEvents.Alert> alert(UUID orderId, String modelVersion) {
    FraudEvents.Alert data = new FraudEvents.Alert(orderId, UUID.randomUUID(), "DECLINE", 0.93, modelVersion,
        List.of("velocity_burst"), 12_345, "EUR", Instant.parse("2031-04-01T12:00:00Z"));
    UUID eventId = UUID.nameUUIDFromBytes((orderId + modelVersion).getBytes(StandardCharsets.UTF_8));
    return new EventEnvelope<>(eventId, FraudEvents.ALERT, 1, data.decidedAt(), null, null, data);
  }

  private static List<Received> requests(String name) {
    return received.stream().filter(r -> r.path().equals("/hooks/" + name)).toList();
  }

  private static long rows(String sql, String like) throws Exception {
    try (Connection c = infra.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, like);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void deliversEachAlertOnceByWebhookAndEmailDespiteRepeats() throws Exception {
    try (NotificationService service = service("once", true, 60)) {
      UUID order = UUID.randomUUID();
      EventEnvelope<FraudEvents.Alert> a = alert(order, "rules-v1");
      infra.publish("alerts-once", order.toString(), a);
      infra.publish("alerts-once", order.toString(), a);
      // The same order re-scored by another model: another event, the same notification.
      infra.publish("alerts-once", order.toString(), alert(order, "lr-2"));
      await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 1
          && requests("once").size() >= 1 && rows("SELECT count(*) FROM streaming_processed_events "
          + "WHERE consumer_group = ?", "it-once-notifications") == 2);
      Thread.sleep(500);
      assertThat(requests("once")).hasSize(1);
      Received hook = requests("once").get(0);
      assertThat(hook.idempotencyKey()).isEqualTo("fraud-alert:" + order + ":webhook:" + URI.create(
          "http://127.0.0.1:" + http.getAddress().getPort() + "/hooks/once"));
      assertThat(hook.body()).contains(order.toString()).contains("\"score\":0.93");
      MimeMessage[] mails = smtp.getReceivedMessages();
      assertThat(mails).hasSize(1);
      assertThat(mails[0].getSubject()).contains(order.toString()).contains("DECLINE");
      assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("once@example.test");
      assertThat(rows("SELECT count(*) FROM notification_deliveries WHERE order_id::text = ?", order.toString()))
          .isEqualTo(2);
    }
  }

  @Test
  void aWebhookFailingThenRecoveringIsRetriedWithTheSameIdempotencyKey() throws Exception {
    try (NotificationService service = service("flaky", false, 60)) {
      failNext.set(2);
      UUID order = UUID.randomUUID();
      infra.publish("alerts-flaky", order.toString(), alert(order, "rules-v1"));
      await().atMost(Duration.ofSeconds(30)).until(() -> rows(
          "SELECT count(*) FROM notification_deliveries WHERE order_id::text = ?", order.toString()) == 1);
      List<Received> tries = requests("flaky");
      assertThat(tries).hasSize(3);
      assertThat(tries.stream().map(Received::idempotencyKey).distinct()).hasSize(1);
      assertThat(rows("SELECT attempts FROM notification_deliveries WHERE order_id::text = ?", order.toString()))
          .isEqualTo(3);
    } finally {
      failNext.set(0);
    }
  }

  @Test
  void undeliverableAlertsWaitInTheDeadLetterStoreAndAreReplayedWhenTheSinkRecovers() throws Exception {
    try (NotificationService service = service("down", false, 60)) {
      failNext.set(-1);
      UUID order = UUID.randomUUID();
      infra.publish("alerts-down", order.toString(), alert(order, "rules-v1"));
      await().atMost(Duration.ofSeconds(30)).until(() -> rows("SELECT count(*) FROM notification_dead_letters "
          + "WHERE reason = 'DELIVERY_FAILED' AND payload->>'orderId' = ?", order.toString()) == 1);
      assertThat(rows("SELECT attempts FROM notification_dead_letters WHERE payload->>'orderId' = ?", order.toString()))
          .isEqualTo(3);
      assertThat(service.replayDeadLetters()).isZero();
      failNext.set(0);
      assertThat(service.replayDeadLetters()).isEqualTo(1);
      assertThat(rows("SELECT count(*) FROM notification_dead_letters WHERE replayed_at IS NOT NULL "
          + "AND payload->>'orderId' = ?", order.toString())).isEqualTo(1);
      assertThat(rows("SELECT count(*) FROM notification_deliveries WHERE order_id::text = ?", order.toString()))
          .isEqualTo(1);
      assertThat(service.replayDeadLetters()).isZero();
    } finally {
      failNext.set(0);
    }
  }

  @Test
  void ratesArePerRecipientAndTheExcessIsKeptForReplay() throws Exception {
    try (NotificationService service = service("limited", false, 3)) {
      // The budget is per clock minute: start well inside one so the five alerts share it.
      while (Instant.now().getEpochSecond() % 60 > 50) {
        Thread.sleep(200);
      }
      for (int i = 0; i < 5; i++) {
        UUID order = UUID.randomUUID();
        infra.publish("alerts-limited", order.toString(), alert(order, "rules-v1"));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> rows("SELECT count(*) FROM notification_dead_letters "
          + "WHERE reason = 'RATE_LIMITED' AND recipient LIKE ?", "%/hooks/limited") == 2);
      assertThat(requests("limited")).hasSize(3);
      assertThat(service.replayDeadLetters()).isEqualTo(2);
      assertThat(requests("limited")).hasSize(5);
      assertThat(rows("SELECT count(*) FROM notification_deliveries WHERE recipient LIKE ?", "%/hooks/limited"))
          .isEqualTo(5);
    }
  }
}
