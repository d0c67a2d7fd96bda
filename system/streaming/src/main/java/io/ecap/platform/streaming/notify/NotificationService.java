package io.ecap.platform.streaming.notify;

import io.ecap.platform.streaming.consumer.ConsumerSettings;
import io.ecap.platform.streaming.consumer.DeadLetterPublisher;
import io.ecap.platform.streaming.consumer.EventCatalog;
import io.ecap.platform.streaming.consumer.EventDecoder;
import io.ecap.platform.streaming.consumer.RetryPolicy;
import io.ecap.platform.streaming.fraud.FraudEvents;
import io.ecap.platform.streaming.service.Connections;
import io.ecap.platform.streaming.service.ManagedService;
import io.ecap.platform.streaming.service.ServiceHealth;
import io.ecap.platform.streaming.service.ServiceHealth.Status;
import io.ecap.platform.streaming.service.ServiceSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPool;

/** The {@code notifications} service: fraud alerts to webhooks and e-mail, with a replayable dead-letter store. */
public final class NotificationService implements ManagedService {

  public static final String SERVICE = "notifications";

  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

  private final ServiceSettings settings;
  private final NotificationSettings notifications;
  private final MeterRegistry registry;
  private final DeliveryLog log = new DeliveryLog();
  private final List<AlertConsumer.Route> routes = new ArrayList<>();
  private JedisPool redis;
  private KafkaProducer<byte[], byte[]> dlqProducer;
  private AlertConsumer consumer;

  public NotificationService(ServiceSettings settings, NotificationSettings notifications, MeterRegistry registry) {
    this.settings = settings;
    this.notifications = notifications;
    this.registry = registry;
  }

  @Override
  public String name() {
    return SERVICE;
  }

  @Override
  public synchronized void start() {
    redis = Connections.redis(settings.redisUrl());
    dlqProducer = Connections.producer(settings.kafkaBootstrap(), settings.group(SERVICE) + "-dlq",
        settings.kafkaClientProperties());
    if (!notifications.webhooks().isEmpty()) {
      routes.add(new AlertConsumer.Route(new WebhookSink(),
          notifications.webhooks().stream().map(URI::toString).toList()));
    }
    if (notifications.smtp() != null && !notifications.emailRecipients().isEmpty()) {
      routes.add(new AlertConsumer.Route(new EmailSink(notifications.smtp()), notifications.emailRecipients()));
    }
    EventCatalog catalog = new EventCatalog().with(FraudEvents.ALERT, FraudEvents.Alert.class, FraudEvents.ALERT_SCHEMA);
    ConsumerSettings consumerSettings = new ConsumerSettings(settings.kafkaBootstrap(), settings.group(SERVICE),
        List.of(notifications.alertTopic()), 50, Duration.ofMillis(200), RetryPolicy.DEFAULT, Duration.ofDays(7),
        settings.kafkaClientProperties());
    consumer = new AlertConsumer(consumerSettings, settings.dataSource(), new EventDecoder(catalog),
        new DeadLetterPublisher(dlqProducer), registry, routes,
        new RecipientRateLimiter(redis, notifications.maxPerRecipientPerMinute(), Clock.systemUTC(), registry),
        new RetryingDelivery(notifications.delivery()), log);
    consumer.start();
    LOG.info("notification service started: {} webhook(s), {} e-mail recipient(s)", notifications.webhooks().size(),
        notifications.smtp() == null ? 0 : notifications.emailRecipients().size());
  }

  /**
   * Delivers what waits in the dead-letter store (failed or rate-limited earlier), bypassing the rate limit: an
   * operator asked for it. Returns how many were delivered; the rest stay for the next replay.
   */
  public int replayDeadLetters() throws SQLException, InterruptedException {
    RetryingDelivery retrying = new RetryingDelivery(notifications.delivery());
    int delivered = 0;
    List<DeliveryLog.DeadLetter> letters;
    try (Connection conn = settings.dataSource().getConnection()) {
      letters = log.pending(conn, 1_000);
    }
    for (DeliveryLog.DeadLetter letter : letters) {
      NotificationSink sink = routes.stream().map(AlertConsumer.Route::sink)
          .filter(s -> s.channel() == letter.notification().channel()).findFirst().orElse(null);
      if (sink == null) {
        continue;
      }
      RetryingDelivery.Outcome outcome = retrying.deliver(sink, letter.notification());
      try (Connection conn = settings.dataSource().getConnection()) {
        conn.setAutoCommit(false);
        if (outcome.delivered()) {
          log.recordDelivered(conn, letter.notification(), outcome.attempts());
          log.markReplayed(conn, letter.id());
          delivered++;
        } else {
          log.recordFailedReplay(conn, letter.id(), outcome.lastError(), outcome.attempts());
        }
        conn.commit();
      }
    }
    LOG.info("replayed {} of {} dead-lettered notifications", delivered, letters.size());
    return delivered;
  }

  @Override
  public ServiceHealth health() {
    ServiceHealth.Builder health = new ServiceHealth.Builder(SERVICE);
    health.consumer(consumer, null);
    health.check("postgresql", Connections.postgres(settings.dataSource()), null);
    // Redis only holds the rate-limit counters, which fail open.
    health.check("redis", redis != null && Connections.redisReachable(redis) ? Status.UP : Status.DEGRADED, null);
    return health.build();
  }

  @Override
  public synchronized void close() {
    if (consumer != null) {
      consumer.close();
    }
    if (dlqProducer != null) {
      dlqProducer.close(Duration.ofSeconds(5));
    }
    if (redis != null) {
      redis.close();
    }
  }
}
