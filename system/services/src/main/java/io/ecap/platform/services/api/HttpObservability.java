package io.ecap.platform.services.api;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Per request: continues the caller's W3C trace (or starts one), answers with {@code traceparent} and
 * {@code X-Correlation-Id}, puts {@code trace_id}, {@code span_id} and {@code correlation_id} in the logging MDC,
 * and records {@code ecap_http_server_requests_seconds{method,route,status}}.
 */
public final class HttpObservability {

  public static final String CORRELATION_HEADER = "X-Correlation-Id";
  private static final Logger ACCESS = LoggerFactory.getLogger("ecap.access");
  private static final Pattern SAFE_CORRELATION = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final String SPAN = "ecap.span";
  private static final String SCOPE = "ecap.scope";
  private static final TextMapGetter<Context> HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Context ctx) {
      return ctx.headerMap().keySet();
    }

    @Override
    public String get(Context ctx, String key) {
      return ctx == null ? null : ctx.header(key);
    }
  };

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final MeterRegistry registry;

  public HttpObservability(Tracer tracer, TextMapPropagator propagator, MeterRegistry registry) {
    this.tracer = tracer;
    this.propagator = propagator;
    this.registry = registry;
  }

  public void start(Context ctx) {
    io.opentelemetry.context.Context parent = propagator.extract(io.opentelemetry.context.Context.root(), ctx, HEADERS);
    Span span = tracer.spanBuilder(ctx.method().name()).setParent(parent).setSpanKind(SpanKind.SERVER)
        .setAttribute("http.request.method", ctx.method().name()).setAttribute("url.path", ctx.path()).startSpan();
    Scope scope = span.makeCurrent();
    ctx.attribute(SPAN, span);
    ctx.attribute(SCOPE, scope);
    String correlation = ctx.header(CORRELATION_HEADER);
    if (correlation == null || !SAFE_CORRELATION.matcher(correlation).matches()) {
      correlation = UUID.randomUUID().toString();
    }
    MDC.put("trace_id", span.getSpanContext().getTraceId());
    MDC.put("span_id", span.getSpanContext().getSpanId());
    MDC.put("correlation_id", correlation);
    ctx.header(CORRELATION_HEADER, correlation);
    propagator.inject(io.opentelemetry.context.Context.current(), ctx, (c, k, v) -> c.header(k, v));
  }

  /** Runs last for every request (matched or not, failed or not). */
  public void finish(Context ctx, Float millis) {
    String route = route(ctx);
    int status = ctx.statusCode();
    Timer.builder("ecap.http.server.requests").description("HTTP request duration by route and status")
        .tags("method", ctx.method().name(), "route", route, "status", Integer.toString(status))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry).record(Duration.ofNanos((long) (millis * 1_000_000)));
    Span span = ctx.attribute(SPAN);
    if (span != null) {
      span.updateName(ctx.method().name() + " " + route);
      span.setAttribute("http.route", route);
      span.setAttribute("http.response.status_code", status);
      if (status >= 500) {
        span.setStatus(StatusCode.ERROR);
      }
      ACCESS.debug("{} {} -> {} in {} ms", ctx.method(), ctx.path(), status, millis);
      span.end();
    }
    Scope scope = ctx.attribute(SCOPE);
    if (scope != null) {
      scope.close();
    }
    MDC.clear();
  }

  static String route(Context ctx) {
    try {
      String path = ctx.endpointHandlerPath();
      return path == null || path.isEmpty() || path.equals("*") ? "unmatched" : path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }

  /** Trace id of the current request, for problem bodies. */
  public static String traceId(Context ctx) {
    Span span = ctx.attribute(SPAN);
    return span == null ? null : span.getSpanContext().getTraceId();
  }
}
