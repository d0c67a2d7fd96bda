package io.ecap.platform.services.streaming;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.ecap.platform.core.store.Database;
import io.ecap.platform.services.PlatformService;
import io.ecap.platform.services.admin.AdminHooks;
import io.ecap.platform.services.admin.RunningServices;
import io.ecap.platform.services.admin.WebhookRegistrations;
import io.ecap.platform.services.api.AdminHandlers;
import io.ecap.platform.services.api.ApiServer;
import io.ecap.platform.services.api.ProblemException;
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
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts one service of the streaming module (its Kafka consumers) with the HTTP endpoints every
 * platform service has: /health/live, /health/ready (503 only when DOWN) and /metrics, plus the service test
 * hooks under /admin (restart in place, webhook registration; 404 problems unless fault injection is on).
 * A restart closes the service (its consumers commit what they processed and leave the group) and starts a new
 * one built from fresh settings (for notifications: ECAP_NOTIFY_WEBHOOKS plus the webhooks registered at run time).
 */
public final class StreamingServiceHost implements PlatformService, RunningServices.Restartable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamingServiceHost.class);

  private final String name;
  private final BiFunction<ServiceSettings, Metrics, ManagedService> make;
  private final ServiceSettings settings;
  private final Metrics metrics;
  private final HikariDataSource pool;
  private volatile ManagedService service;
  private volatile int restarts;
  private Javalin http;
  private String url;

  private StreamingServiceHost(String name, BiFunction<ServiceSettings, Metrics, ManagedService> make,
                               ServiceSettings settings, Metrics metrics, HikariDataSource pool) {
    this.name = name;
    this.make = make;
    this.settings = settings;
    this.metrics = metrics;
    this.pool = pool;
  }

  public static PlatformService streaming(PlatformEndpoints endpoints, String host, int port) {
    return start(StreamingService.SERVICE, endpoints, host, port,
        (settings, metrics) -> new StreamingService(settings, metrics.registry()));
  }

  public static PlatformService fraud(PlatformEndpoints endpoints, String host, int port) {
    return start(FraudService.SERVICE, endpoints, host, port, (settings, metrics) ->
        new FraudService(settings, FraudSettings.fromEnvironment(System.getenv()), metrics.registry()));
  }

  public static PlatformService notifications(PlatformEndpoints endpoints, String host, int port) {
    return start(NotificationService.SERVICE, endpoints, host, port, (settings, metrics) ->
        new NotificationService(settings, withRegisteredWebhooks(NotificationSettings.fromEnvironment(System.getenv())),
            metrics.registry()));
  }

  /** The configured webhooks and those registered at run time, each once. */
  static NotificationSettings withRegisteredWebhooks(NotificationSettings configured) {
    List<URI> registered = WebhookRegistrations.all();
    if (registered.isEmpty()) {
      return configured;
    }
    LinkedHashSet<URI> all = new LinkedHashSet<>(configured.webhooks());
    all.addAll(registered);
    return new NotificationSettings(new ArrayList<>(all), configured.smtp(), configured.emailRecipients(),
        configured.maxPerRecipientPerMinute(), configured.delivery(), configured.alertTopic());
  }

  private static PlatformService start(String name, PlatformEndpoints endpoints, String host, int port,
      BiFunction<ServiceSettings, Metrics, ManagedService> make) {
    HikariDataSource pool = Database.pool(endpoints.jdbcUrl(), endpoints.jdbcUser(), endpoints.jdbcPassword(), 4);
    Metrics metrics = new Metrics();
    metrics.bindPool(pool);
    StreamingServiceHost host0 = new StreamingServiceHost(name, make,
        ServiceSettings.of(endpoints.kafkaBootstrap(), pool, endpoints.redisUrl()), metrics, pool);
    host0.service = make.apply(host0.settings, metrics);
    host0.service.start();
    ObjectMapper mapper = new ObjectMapper();
    AdminHandlers admin = new AdminHandlers(AdminHooks.process(), mapper);
    host0.http = Javalin.create(config -> config.showJavalinBanner = false)
        .get("/health/live", ctx -> ctx.json(Map.of("status", "UP")))
        .get("/health/ready", ctx -> {
          ServiceHealth health = host0.service.health();
          ctx.status(health.status() == ServiceHealth.Status.DOWN ? 503 : 200).json(health);
        })
        .get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()))
        .post("/admin/services/{name}/restart", admin::restartService)
        .post("/admin/kafka/restart", admin::restartBroker)
        .post("/admin/notifications/webhooks", admin::addWebhook)
        .delete("/admin/notifications/webhooks", admin::removeWebhook)
        .exception(ProblemException.class, (e, ctx) -> ApiServer.problem(ctx, e, mapper))
        .start(host, port);
    host0.url = "http://" + host + ":" + host0.http.port();
    RunningServices.register(name, host0);
    return host0;
  }

  @Override
  public synchronized void restart() {
    LOG.info("restarting the {} service", name);
    service.close();
    ManagedService next = make.apply(settings, metrics);
    next.start();
    service = next;
    restarts++;
    LOG.info("the {} service restarted ({} restart(s))", name, restarts);
  }

  @Override
  public int restarts() {
    return restarts;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public synchronized void close() {
    RunningServices.unregister(name, this);
    http.stop();
    service.close();
    pool.close();
  }
}
