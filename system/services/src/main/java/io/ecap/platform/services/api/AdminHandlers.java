package io.ecap.platform.services.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecap.platform.services.admin.AdminHooks;
import io.ecap.platform.services.admin.FaultProxy;
import io.ecap.platform.services.admin.RecentLogs;
import io.javalin.http.Context;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The /admin routes for tests: cut a dependency off and restore it, read the log lines of one trace. Each answers
 * a 404 problem saying how to turn it on when the platform was started without it.
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
