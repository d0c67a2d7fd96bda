package io.ecap.platform.services.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecap.platform.services.admin.AdminHooks;
import io.ecap.platform.services.admin.FaultProxy;
import io.ecap.platform.services.admin.RecentLogs;
import io.ecap.platform.services.admin.RunningServices;
import io.ecap.platform.services.admin.WebhookRegistrations;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The /admin routes for tests: cut a dependency off and restore it, read the log lines of one trace, restart a
 * service's consumers in place, register a webhook receiver with the notifications service. Each answers a 404
 * problem saying how to turn it on when the platform was started without it. The service routes act on the
 * services of this process (all of them in --embedded mode; in a cluster call them on the service's own URL).
 */
public final class AdminHandlers {

  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

  /** One dependency's fault state: CUT or CONNECTED. */
  public record FaultState(String name, String state) {
    static FaultState of(FaultProxy proxy) {
      return new FaultState(proxy.name(), proxy.isCut() ? "CUT" : "CONNECTED");
    }
  }

  /** Body of GET /admin/faults. */
  public record Faults(List<FaultState> dependencies) {
  }

  /** Body of POST /admin/services/{name}/restart. */
  public record Restarted(String name, int restarts) {
  }

  /** Body of the webhook routes: the webhooks registered at run time in this process after the call. */
  public record Webhooks(List<String> webhooks) {
  }

  private static final String NOTIFICATIONS = "notifications";

  private final AdminHooks hooks;
  private final ObjectMapper mapper;

  public AdminHandlers(AdminHooks hooks, ObjectMapper mapper) {
    this.hooks = hooks;
    this.mapper = mapper;
  }

  public void listFaults(Context ctx) throws Exception {
    requireFaultInjection();
    ApiHandlers.json(ctx, 200, mapper.writeValueAsString(new Faults(
        hooks.faults().proxies().values().stream().map(FaultState::of).toList())));
  }

  public void cut(Context ctx) throws Exception {
    FaultProxy proxy = proxy(ctx);
    proxy.cut();
    ApiHandlers.json(ctx, 200, mapper.writeValueAsString(FaultState.of(proxy)));
  }

  public void restore(Context ctx) throws Exception {
    FaultProxy proxy = proxy(ctx);
    proxy.restore();
    ApiHandlers.json(ctx, 200, mapper.writeValueAsString(FaultState.of(proxy)));
  }

  public void logs(Context ctx) {
    RecentLogs logs = hooks.logs().orElseThrow(() -> ProblemException.notFound(
        "log access is disabled (start the platform with --embedded, or set " + RecentLogs.ENABLED_VARIABLE + "=true)"));
    String traceId = ctx.queryParam("traceId");
    if (traceId == null || !TRACE_ID.matcher(traceId).matches()) {
      throw ProblemException.invalid("traceId", "must be a W3C trace id: 32 lowercase hex digits");
    }
    int limit = Paging.intParam(ctx.queryParam("limit"), "limit", 200, 1, 1000);
    StringBuilder body = new StringBuilder();
    logs.ofTrace(traceId, limit).forEach(line -> body.append(line).append('\n'));
    ctx.status(200).contentType("application/x-ndjson").result(body.toString());
  }

  public void restartService(Context ctx) throws Exception {
    requireFaultInjection();
    String name = ctx.pathParam("name");
    RunningServices.Restartable service = running(name);
    service.restart();
    ApiHandlers.json(ctx, 200, mapper.writeValueAsString(new Restarted(name, service.restarts())));
  }

  /** Body of POST /admin/kafka/restart. */
  public record BrokerRestarted(long downMillis, long tookMillis) {
  }

  /** Stops the embedded broker for {@code downMillis} (default 3000, at most 30000) and starts it again. */
  public void restartBroker(Context ctx) throws Exception {
    requireFaultInjection();
    io.ecap.platform.services.admin.BrokerControl.Restart restart = io.ecap.platform.services.admin.BrokerControl
        .installed().orElseThrow(() -> ProblemException.notFound("the Kafka broker does not run in this process: only"
            + " the --embedded platform can restart its broker"));
    int down = Paging.intParam(ctx.queryParam("downMillis"), "downMillis", 3_000, 0, 30_000);
    long start = System.nanoTime();
    restart.restart(java.time.Duration.ofMillis(down));
    ApiHandlers.json(ctx, 200, mapper.writeValueAsString(new BrokerRestarted(down, (System.nanoTime() - start) / 1_000_000)));
  }

  /** Registers {"url": ...} and restarts the notifications service so that it delivers there too. */
  public void addWebhook(Context ctx) throws Exception {
    requireFaultInjection();
    RunningServices.Restartable notifications = running(NOTIFICATIONS);
    URI url = webhookUrl(urlOfBody(ctx));
    boolean added = WebhookRegistrations.add(url);
    if (added) {
      notifications.restart();
    }
    ApiHandlers.json(ctx, added ? 201 : 200, mapper.writeValueAsString(registered()));
  }

  /** Removes the webhook of the {@code url} query parameter and restarts the notifications service without it. */
  public void removeWebhook(Context ctx) throws Exception {
    requireFaultInjection();
    RunningServices.Restartable notifications = running(NOTIFICATIONS);
    URI url = webhookUrl(ctx.queryParam("url"));
    if (!WebhookRegistrations.remove(url)) {
      throw new ProblemException(404, "not-found", "Not found", "no webhook " + url + " is registered",
          List.of(new FieldError("url", "not registered")));
    }
    notifications.restart();
    ApiHandlers.json(ctx, 200, mapper.writeValueAsString(registered()));
  }

  private static Webhooks registered() {
    return new Webhooks(WebhookRegistrations.all().stream().map(URI::toString).toList());
  }

  private String urlOfBody(Context ctx) {
    try {
      var body = mapper.readTree(ctx.body());
      return body == null || !body.hasNonNull("url") ? null : body.get("url").asText();
    } catch (IOException e) {
      throw ProblemException.invalid("body", "must be JSON like {\"url\": \"http://host:port/path\"}");
    }
  }

  private static URI webhookUrl(String value) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid("url", "is required");
    }
    try {
      URI url = new URI(value.trim());
      if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
        return url;
      }
    } catch (java.net.URISyntaxException e) {
      // answered below
    }
    throw ProblemException.invalid("url", "must be an absolute http(s) URL");
  }

  private static RunningServices.Restartable running(String name) {
    return RunningServices.find(name).orElseThrow(() -> new ProblemException(404, "not-found", "Not found",
        "service '" + name + "' does not run in this process (here: " + String.join(", ", RunningServices.names())
            + "); call this route on that service's own URL (ECAP_SERVICE_" + name.toUpperCase(java.util.Locale.ROOT)
            + "_URL)", List.of(new FieldError("name", "not running in this process"))));
  }

  private FaultProxy proxy(Context ctx) {
    requireFaultInjection();
    String name = ctx.pathParam("dependency");
    return hooks.faults().proxy(name).orElseThrow(() -> new ProblemException(404, "not-found", "Not found",
        "no fault injection point '" + name + "' (known: " + String.join(", ", hooks.faults().proxies().keySet()) + ")",
        List.of(new FieldError("dependency", "unknown dependency"))));
  }

  private void requireFaultInjection() {
    if (!hooks.faults().enabled()) {
      throw ProblemException.notFound("fault injection is disabled (start the platform with --embedded, or set "
          + io.ecap.platform.services.admin.FaultInjection.ENABLED_VARIABLE + "=true)");
    }
  }

}
