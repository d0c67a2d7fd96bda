package io.ecap.platform.services.api;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.ecap.platform.core.events.EventJson;
import io.ecap.platform.core.orders.OrderPlacement;
import io.ecap.platform.core.store.CustomerRepository;
import io.ecap.platform.core.store.Database;
import io.ecap.platform.core.store.FraudDecisionRepository;
import io.ecap.platform.core.store.OrderRepository;
import io.ecap.platform.core.store.OutboxRepository;
import io.ecap.platform.core.store.ProductRepository;
import io.ecap.platform.core.store.Transactions;
import io.ecap.platform.services.PlatformService;
import io.ecap.platform.services.admin.AdminHooks;
import io.ecap.platform.services.cache.ReadThroughCache;
import io.ecap.platform.services.config.PlatformEndpoints;
import io.ecap.platform.services.health.HealthMonitor;
import io.ecap.platform.services.kafka.KafkaClients;
import io.ecap.platform.services.kafka.OutboxRelay;
import io.ecap.platform.services.observability.Metrics;
import io.ecap.platform.services.observability.Telemetry;
import io.ecap.platform.services.resilience.Breakers;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/** The api service: wires the store, cache, outbox relay, health and observability, and serves HTTP. */
public final class ApiService implements PlatformService {

  private static final Logger LOG = LoggerFactory.getLogger(ApiService.class);

  private final Deque<AutoCloseable> resources;
  private final String url;

  private ApiService(Deque<AutoCloseable> resources, String url) {
    this.resources = resources;
    this.url = url;
  }

  /** Starts with this process's admin hooks ({@link AdminHooks#process()}). */
  public static ApiService start(PlatformEndpoints endpoints, String host, int port) throws Exception {
    return start(endpoints, host, port, AdminHooks.process());
  }

  public static ApiService start(PlatformEndpoints endpoints, String host, int port, AdminHooks hooks) throws Exception {
    Deque<AutoCloseable> resources = new ArrayDeque<>();
    try {
      Metrics metrics = new Metrics();
      Telemetry telemetry = new Telemetry("api");
      resources.push(telemetry);
      Breakers breakers = new Breakers(metrics.registry(), Duration.ofSeconds(2));

      HikariDataSource pool = Database.pool(endpoints.jdbcUrl(), endpoints.jdbcUser(), endpoints.jdbcPassword(), 16);
      resources.push(pool);
      metrics.bindPool(pool);
      JedisPool redis = redisPool(endpoints.redisUrl());
      resources.push(redis);
      Producer<String, byte[]> producer = KafkaClients.producer(endpoints.kafkaBootstrap(), "ecap-api");
      resources.push(() -> producer.close(Duration.ofSeconds(2)));
      Admin admin = KafkaClients.admin(endpoints.kafkaBootstrap());
      resources.push(() -> admin.close(Duration.ofSeconds(2)));

      Transactions tx = new Transactions(pool);
      OutboxRelay relay = new OutboxRelay(new OutboxRepository(tx), producer, breakers.kafka(), telemetry.tracer(),
          telemetry.openTelemetry().getPropagators().getTextMapPropagator(), metrics.registry());
      relay.start();
      resources.push(relay);

      HealthMonitor health = new HealthMonitor(breakers, metrics.registry())
          .register(Breakers.POSTGRESQL, HealthMonitor.Criticality.REQUIRED, () -> {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
              s.setQueryTimeout(2);
              s.execute("SELECT 1");
            }
          })
          .register(Breakers.REDIS, HealthMonitor.Criticality.OPTIONAL, () -> {
            try (Jedis jedis = redis.getResource()) {
              jedis.ping();
            }
          })
          .register(Breakers.KAFKA, HealthMonitor.Criticality.OPTIONAL,
              () -> admin.describeCluster().nodes().get(2, TimeUnit.SECONDS));
      resources.push(health);
      health.start(1_000);

      ObjectMapper mapper = EventJson.newMapper()
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
      ReadThroughCache cache = new ReadThroughCache(redis, breakers.redis(), metrics.registry());
      ApiHandlers handlers = new ApiHandlers(mapper, breakers, cache, new CustomerRepository(tx),
          new ProductRepository(tx), new OrderRepository(tx), new FraudDecisionRepository(tx),
          new OrderPlacement(tx, Clock.systemUTC()), relay::wake, Clock.systemUTC());
      HttpObservability observability = new HttpObservability(telemetry.tracer(),
          telemetry.openTelemetry().getPropagators().getTextMapPropagator(), metrics.registry());
      AnalyticsHandlers analytics = new AnalyticsHandlers(mapper, breakers, new AnalyticsStore(pool));
      ApiServer server = new ApiServer(handlers, analytics, new AdminHandlers(hooks, mapper),
          new SparkJobHandlers(hooks.sparkJobs(), mapper), health, metrics, observability, mapper).start(host, port);
      resources.push(server);
      String shownHost = host.equals("0.0.0.0") ? "127.0.0.1" : host;
      return new ApiService(resources, "http://" + shownHost + ":" + server.port());
    } catch (Exception | Error e) {
      closeAll(resources);
      throw e;
    }
  }

  /** A pool that notices dead connections on borrow (so it recovers after a Redis restart) and times out fast. */
  static JedisPool redisPool(String url) {
    JedisPoolConfig config = new JedisPoolConfig();
    config.setMaxTotal(32);
    config.setMaxIdle(16);
    config.setTestOnBorrow(true);
    config.setMaxWait(Duration.ofMillis(500));
    return new JedisPool(config, URI.create(url), 500, 500);
  }

  @Override
  public String name() {
    return "api";
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public void close() {
    closeAll(resources);
  }

  private static void closeAll(Deque<AutoCloseable> resources) {
    while (!resources.isEmpty()) {
      AutoCloseable r = resources.pop();
      try {
        r.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed: {}", r.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
