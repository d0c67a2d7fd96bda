package io.ecap.platform.services.streaming;

import com.zaxxer.hikari.HikariDataSource;
import io.ecap.platform.core.store.Database;
import io.ecap.platform.services.PlatformService;
import io.ecap.platform.services.config.PlatformEndpoints;
import io.ecap.platform.services.observability.Metrics;
import io.ecap.platform.streaming.fraud.FraudService;
import io.ecap.platform.streaming.fraud.FraudSettings;
import io.ecap.platform.streaming.notify.NotificationService;
import io.ecap.platform.streaming.notify.NotificationSettings;
import io.ecap.platform.streaming.pipeline.StreamingService;
import io.ecap.platform.streaming.service.ManagedService;
import io.ecap.platform.streaming.service.ServiceHealth;
import io.ecap.platform.streaming.service.ServiceSettings;
import io.javalin.Javalin;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Hosts one service of the streaming module (its Kafka consumers) with the HTTP endpoints every
 * platform service has: /health/live, /health/ready (503 only when DOWN) and /metrics.
 */
public final class StreamingServiceHost implements PlatformService {

  private final ManagedService service;
  private final HikariDataSource pool;
  private final Javalin http;
  private final String url;

  private StreamingServiceHost(ManagedService service, HikariDataSource pool, Javalin http, String url) {
    this.service = service;
    this.pool = pool;
    this.http = http;
    this.url = url;
  }

  public static PlatformService streaming(PlatformEndpoints endpoints, String host, int port) {
    return start(endpoints, host, port, (settings, metrics) -> new StreamingService(settings, metrics.registry()));
  }

  public static PlatformService fraud(PlatformEndpoints endpoints, String host, int port) {
    return start(endpoints, host, port, (settings, metrics) ->
        new FraudService(settings, FraudSettings.fromEnvironment(System.getenv()), metrics.registry()));
  }

  public static PlatformService notifications(PlatformEndpoints endpoints, String host, int port) {
    return start(endpoints, host, port, (settings, metrics) ->
        new NotificationService(settings, NotificationSettings.fromEnvironment(System.getenv()), metrics.registry()));
  }

  private static PlatformService start(PlatformEndpoints endpoints, String host, int port,
      BiFunction<ServiceSettings, Metrics, ManagedService> make) {
    HikariDataSource pool = Database.pool(endpoints.jdbcUrl(), endpoints.jdbcUser(), endpoints.jdbcPassword(), 4);
    Metrics metrics = new Metrics();
    metrics.bindPool(pool);
    ManagedService service = make.apply(ServiceSettings.of(endpoints.kafkaBootstrap(), pool, endpoints.redisUrl()), metrics);
    service.start();
    Javalin http = Javalin.create(config -> config.showJavalinBanner = false)
        .get("/health/live", ctx -> ctx.json(Map.of("status", "UP")))
        .get("/health/ready", ctx -> {
          ServiceHealth health = service.health();
          ctx.status(health.status() == ServiceHealth.Status.DOWN ? 503 : 200).json(health);
        })
        .get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()))
        .start(host, port);
    return new StreamingServiceHost(service, pool, http, "http://" + host + ":" + http.port());
  }

  @Override
  public String name() {
    return service.name();
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public void close() {
    http.stop();
    service.close();
    pool.close();
  }
}
