package io.ecap.platform.streaming.pipeline;

import io.ecap.platform.core.Topics;
import io.ecap.platform.streaming.consumer.ConsumerSettings;
import io.ecap.platform.streaming.consumer.DeadLetterPublisher;
import io.ecap.platform.streaming.consumer.EventCatalog;
import io.ecap.platform.streaming.consumer.EventDecoder;
import io.ecap.platform.streaming.consumer.RetryPolicy;
import io.ecap.platform.streaming.service.Connections;
import io.ecap.platform.streaming.service.ManagedService;
import io.ecap.platform.streaming.service.ServiceHealth;
import io.ecap.platform.streaming.service.ServiceHealth.Status;
import io.ecap.platform.streaming.service.ServiceSettings;
import io.ecap.platform.streaming.window.Watermarks;
import io.ecap.platform.streaming.window.WindowSpec;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPool;

/**
 * The {@code streaming} service: windowed aggregations of orders, payments and clickstream into Redis (live) and
 * PostgreSQL (history). Allowed lateness defaults to one minute ({@link StreamingSettings}): an event may arrive up
 * to a minute (event time) behind the watermark and still count; later than that it is recorded as late.
 */
public final class StreamingService implements ManagedService {

  public static final String SERVICE = "streaming";
  /** How far back a restart re-projects windows from PostgreSQL to Redis. */
  private static final Duration RESYNC_HORIZON = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(StreamingService.class);

  private final ServiceSettings settings;
  private final MeterRegistry registry;
  private final StreamingSettings streaming;
  private JedisPool redis;
  private KafkaProducer<byte[], byte[]> dlqProducer;
  private RedisAggregateProjection projection;
  private AggregationConsumer consumer;
  private ScheduledExecutorService flusher;

  public StreamingService(ServiceSettings settings, MeterRegistry registry) {
    this(settings, registry, StreamingSettings.DEFAULT);
  }

  public StreamingService(ServiceSettings settings, MeterRegistry registry, StreamingSettings streaming) {
    this.settings = settings;
    this.registry = registry;
    this.streaming = streaming;
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
    projection = new RedisAggregateProjection(redis, registry);
    WindowHistory history = new WindowHistory();
    resyncRedis(history);
    ConsumerSettings consumerSettings = new ConsumerSettings(settings.kafkaBootstrap(), settings.group(SERVICE),
        List.of(Topics.ORDERS, Topics.PAYMENTS, Topics.CLICKSTREAM), 500, Duration.ofMillis(200),
        RetryPolicy.DEFAULT, Duration.ofDays(7), settings.kafkaClientProperties());
    consumer = new AggregationConsumer(consumerSettings, settings.dataSource(),
        new EventDecoder(EventCatalog.platformEvents()), new DeadLetterPublisher(dlqProducer), registry,
        List.of(WindowSpec.TUMBLING_1M, WindowSpec.SLIDING_5M),
        new Watermarks(streaming.allowedLateness(), streaming.idleTimeout(), Clock.systemUTC()), history, projection);
    consumer.start();
    flusher = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "streaming-redis-flush"));
    flusher.scheduleWithFixedDelay(projection::flush, 1, 1, TimeUnit.SECONDS);
    LOG.info("streaming service started (group {}, allowed lateness {})", settings.group(SERVICE), streaming.allowedLateness());
  }

  /** Copies recent windows from PostgreSQL to Redis: Redis may have restarted empty, or missed writes while down. */
  private void resyncRedis(WindowHistory history) {
    try (Connection conn = settings.dataSource().getConnection()) {
      projection.publish(history.recent(conn, RESYNC_HORIZON), null);
    } catch (Exception e) {
      LOG.warn("could not re-project recent windows to Redis at start: {}", e.toString());
    }
  }

  @Override
  public ServiceHealth health() {
    ServiceHealth.Builder health = new ServiceHealth.Builder(SERVICE);
    AggregationConsumer c = consumer;
    health.consumer(c, c == null ? null : "last poll " + c.lastPoll());
    health.check("postgresql", Connections.postgres(settings.dataSource()), null);
    boolean redisUp = redis != null && Connections.redisReachable(redis);
    int pending = projection == null ? 0 : projection.pendingCells();
    health.check("redis", redisUp ? Status.UP : Status.DEGRADED, pending + " cells waiting for Redis");
    return health.build();
  }

  @Override
  public synchronized void close() {
    if (consumer != null) {
      consumer.close();
    }
    if (flusher != null) {
      flusher.shutdownNow();
    }
    if (projection != null) {
      projection.flush();
    }
    if (dlqProducer != null) {
      dlqProducer.close(Duration.ofSeconds(5));
    }
    if (redis != null) {
      redis.close();
    }
    LOG.info("streaming service stopped at {}", Instant.now());
  }
}
