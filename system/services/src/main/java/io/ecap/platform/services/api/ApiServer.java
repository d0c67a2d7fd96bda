package io.ecap.platform.services.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecap.platform.core.orders.IdempotencyConflict;
import io.ecap.platform.core.orders.OrderRejected;
import io.ecap.platform.core.store.SqlStates;
import io.ecap.platform.services.health.HealthMonitor;
import io.ecap.platform.services.health.HealthReport;
import io.ecap.platform.services.observability.Metrics;
import io.ecap.platform.services.resilience.DependencyUnavailable;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP surface of the api service: /api/v1 routes, /health/live, /health/ready, /metrics, /openapi.json and the
 * test hooks under /admin (404 unless the platform was started with them) and /api/v1/admin (Spark jobs and scratch
 * lakes; 503 unless the platform has its Spark jobs jar).
 * Every error is an RFC 9457 problem; bad input never causes a 5xx; an unreachable dependency gives 503.
 */
public final class ApiServer implements AutoCloseable {

  /** A route as registered and as described in /openapi.json (a test keeps the two equal). */
  public record Route(HandlerType method, String path) {
  }

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  /** Which request field a database constraint is about, for 409/422 problems. */
  private static final Map<String, String> CONSTRAINT_FIELDS = Map.of(
      "customers_email_key", "email",
      "products_sku_key", "sku",
      "orders_customer_id_fkey", "customerId",
      "order_items_product_id_fkey", "items");

  private final Javalin app;
  private final List<Route> routes;

  public ApiServer(ApiHandlers api, AnalyticsHandlers analytics, AdminHandlers admin, SparkJobHandlers sparkJobs,
                   HealthMonitor health, Metrics metrics, HttpObservability observability, ObjectMapper mapper) {
    String openApi = resource("/openapi.json");
    app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.prefer405over404 = true;
      config.useVirtualThreads = false;
      config.requestLogger.http(observability::finish);
    });
    app.before(observability::start);
    routes = List.of(
        add(HandlerType.GET, "/health/live", ctx -> ApiHandlers.json(ctx, 200, "{\"status\":\"UP\"}")),
        add(HandlerType.GET, "/health/ready", ctx -> {
          HealthReport report = health.report();
          ApiHandlers.json(ctx, report.status().equals("DOWN") ? 503 : 200, mapper.writeValueAsString(report));
        }),
        add(HandlerType.GET, "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
            .result(metrics.scrape())),
        add(HandlerType.GET, "/openapi.json", ctx -> ApiHandlers.json(ctx, 200, openApi)),
        add(HandlerType.POST, "/api/v1/customers", api::createCustomer),
        add(HandlerType.GET, "/api/v1/customers/{customerId}", api::getCustomer),
        add(HandlerType.GET, "/api/v1/customers/{customerId}/orders", api::customerOrders),
        add(HandlerType.GET, "/api/v1/customers/{customerId}/analytics", api::customerAnalytics),
        add(HandlerType.GET, "/api/v1/customers/{customerId}/segment", analytics::customerSegment),
        add(HandlerType.POST, "/api/v1/products", api::createProduct),
        add(HandlerType.GET, "/api/v1/products", api::listProducts),
        add(HandlerType.GET, "/api/v1/products/{productId}", api::getProduct),
        add(HandlerType.GET, "/api/v1/products/{productId}/analytics", api::productAnalytics),
        add(HandlerType.GET, "/api/v1/products/{productId}/recommendations", analytics::productRecommendations),
        add(HandlerType.GET, "/api/v1/analytics/top-products", api::topProducts),
        add(HandlerType.GET, "/api/v1/analytics/daily-revenue", analytics::dailyRevenue),
        add(HandlerType.GET, "/api/v1/analytics/cohorts", analytics::cohorts),
        add(HandlerType.GET, "/api/v1/analytics/funnel", analytics::funnel),
        add(HandlerType.POST, "/api/v1/orders", api::createOrder),
        add(HandlerType.GET, "/api/v1/orders/{orderId}", api::getOrder),
        add(HandlerType.GET, "/api/v1/orders/{orderId}/fraud-decision", api::fraudDecision),
        add(HandlerType.GET, "/admin/faults", admin::listFaults),
        add(HandlerType.POST, "/admin/faults/{dependency}", admin::cut),
        add(HandlerType.DELETE, "/admin/faults/{dependency}", admin::restore),
        add(HandlerType.GET, "/admin/logs", admin::logs),
        add(HandlerType.POST, "/admin/services/{name}/restart", admin::restartService),
        add(HandlerType.POST, "/admin/kafka/restart", admin::restartBroker),
        add(HandlerType.POST, "/admin/notifications/webhooks", admin::addWebhook),
        add(HandlerType.DELETE, "/admin/notifications/webhooks", admin::removeWebhook),
        add(HandlerType.POST, "/api/v1/admin/spark-jobs", sparkJobs::submit),
        add(HandlerType.GET, "/api/v1/admin/spark-jobs", sparkJobs::list),
        add(HandlerType.GET, "/api/v1/admin/spark-jobs/{id}", sparkJobs::get),
        add(HandlerType.PUT, "/api/v1/admin/lakes/{lake}/landing/{source}", sparkJobs::uploadLanding),
        add(HandlerType.DELETE, "/api/v1/admin/lakes/{lake}", sparkJobs::deleteLake));

    app.exception(ProblemException.class, (e, ctx) -> problem(ctx, e, mapper));
    app.exception(OrderRejected.class, (e, ctx) -> problem(ctx, new ProblemException(422, "order-rejected",
        "Order cannot be placed", e.getMessage(), List.of(new FieldError(e.field(), e.getMessage()))), mapper));
    app.exception(IdempotencyConflict.class, (e, ctx) -> problem(ctx, new ProblemException(422,
        "idempotency-key-reused", "Idempotency-Key reused", e.getMessage(),
        List.of(new FieldError("Idempotency-Key", "already used with a different request body"))), mapper));
    app.exception(DependencyUnavailable.class, (e, ctx) -> {
      ctx.header("Retry-After", "2");
      problem(ctx, new ProblemException(503, "dependency-unavailable", "Service temporarily unavailable",
          e.dependency() + " is unavailable; retry later", List.of()), mapper);
    });
    app.exception(SQLException.class, (e, ctx) -> problem(ctx, sqlProblem(e), mapper));
    app.exception(HttpResponseException.class, (e, ctx) -> problem(ctx,
        new ProblemException(e.getStatus(), "http-" + e.getStatus(), e.getMessage(), e.getMessage(), List.of()), mapper));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
      problem(ctx, new ProblemException(500, "internal", "Internal error", "the request failed; see the logs for trace "
          + HttpObservability.traceId(ctx), List.of()), mapper);
    });
    // Unknown routes and methods: problem bodies too (unless a handler already wrote one).
    app.error(404, ctx -> {
      if (!isProblem(ctx)) {
        problem(ctx, ProblemException.notFound("no route " + ctx.method() + " " + ctx.path()), mapper);
      }
    });
    app.error(405, ctx -> {
      if (!isProblem(ctx)) {
        problem(ctx, new ProblemException(405, "method-not-allowed", "Method not allowed",
            ctx.method() + " is not allowed on " + ctx.path(), List.of()), mapper);
      }
    });
  }

  /** Whether a handler already answered with a problem (then the status-code mappers leave it alone). */
  private static boolean isProblem(Context ctx) {
    String type = ctx.res().getContentType();
    return type != null && type.startsWith(Problem.CONTENT_TYPE);
  }

  private Route add(HandlerType method, String path, Handler handler) {
    app.addHttpHandler(method, path, handler);
    return new Route(method, path);
  }

  public List<Route> routes() {
    return routes;
  }

  public ApiServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  static ProblemException sqlProblem(SQLException e) {
    String field = null;
    if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
      ServerErrorMessage m = p.getServerErrorMessage();
      field = m.getConstraint() == null ? m.getColumn() : CONSTRAINT_FIELDS.getOrDefault(m.getConstraint(), m.getColumn());
    }
    List<FieldError> errors = field == null ? List.of() : List.of(new FieldError(field, "violates " + describe(e)));
    if (SqlStates.UNIQUE_VIOLATION.equals(e.getSQLState())) {
      return new ProblemException(409, "conflict", "Conflict", "a resource with this " + (field == null ? "key" : field)
          + " already exists", errors);
    }
    if (e.getSQLState() != null && e.getSQLState().startsWith("22")) {
      // Class 22, data exception: a value the database cannot take (e.g. text it cannot encode) is bad input.
      return new ProblemException(400, "invalid-input", "Invalid request", "a value cannot be stored: " + describe(e)
          + " (SQLSTATE " + e.getSQLState() + ")", errors);
    }
    if (SqlStates.isIntegrityViolation(e)) {
      return new ProblemException(422, "constraint-violation", "Unprocessable request", describe(e), errors);
    }
    LOG.error("database error", e);
    return new ProblemException(500, "internal", "Internal error", "database error " + e.getSQLState(), List.of());
  }

  private static String describe(SQLException e) {
    if (e instanceof PSQLException p && p.getServerErrorMessage() != null && p.getServerErrorMessage().getConstraint() != null) {
      return "constraint " + p.getServerErrorMessage().getConstraint();
    }
    return "a database constraint";
  }

  /** Answers {@code e} as an RFC 9457 problem. */
  public static void problem(Context ctx, ProblemException e, ObjectMapper mapper) {
    Problem body = Problem.of(e, ctx.path(), HttpObservability.traceId(ctx));
    try {
      ctx.status(e.status()).contentType(Problem.CONTENT_TYPE).result(mapper.writeValueAsString(body));
    } catch (IOException io) {
      throw new UncheckedIOException(io);
    }
  }

  private static String resource(String name) {
    try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
