package io.ecap.platform.services.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecap.platform.core.domain.Customer;
import io.ecap.platform.core.domain.FraudDecision;
import io.ecap.platform.core.domain.Order;
import io.ecap.platform.core.domain.OrderItem;
import io.ecap.platform.core.domain.Product;
import io.ecap.platform.core.orders.OrderPlacement;
import io.ecap.platform.core.orders.PlaceOrder;
import io.ecap.platform.core.orders.Placement;
import io.ecap.platform.core.orders.TraceContext;
import io.ecap.platform.core.store.CustomerRepository;
import io.ecap.platform.core.store.FraudDecisionRepository;
import io.ecap.platform.core.store.OrderRepository;
import io.ecap.platform.core.store.ProductRepository;
import io.ecap.platform.services.cache.CachedValue;
import io.ecap.platform.services.cache.ReadThroughCache;
import io.ecap.platform.services.resilience.Breakers;
import io.javalin.http.Context;
import java.io.UncheckedIOException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import net.logstash.logback.argument.StructuredArguments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The /api/v1 handlers: validate, call the store through its breaker, serve reads through the cache. */
public final class ApiHandlers {

  private static final Logger LOG = LoggerFactory.getLogger(ApiHandlers.class);
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
  private static final Duration ENTITY_TTL = Duration.ofMinutes(5);
  private static final Duration LIST_TTL = Duration.ofSeconds(60);
  private static final Duration TOP_TTL = Duration.ofSeconds(30);
  static final String TOP_PRODUCTS_KEY = ReadThroughCache.key("top-products", "all");

  private final ObjectMapper mapper;
  private final Requests requests;
  private final Breakers breakers;
  private final ReadThroughCache cache;
  private final CustomerRepository customers;
  private final ProductRepository products;
  private final OrderRepository orders;
  private final FraudDecisionRepository decisions;
  private final OrderPlacement placement;
  private final Runnable eventsWritten;
  private final Clock clock;

  /** @param eventsWritten called after a write added events to the outbox (wakes the relay) */
  public ApiHandlers(ObjectMapper mapper, Breakers breakers, ReadThroughCache cache, CustomerRepository customers,
                     ProductRepository products, OrderRepository orders, FraudDecisionRepository decisions,
                     OrderPlacement placement, Runnable eventsWritten, Clock clock) {
    this.mapper = mapper;
    this.requests = new Requests(mapper);
    this.breakers = breakers;
    this.cache = cache;
    this.customers = customers;
    this.products = products;
    this.orders = orders;
    this.decisions = decisions;
    this.placement = placement;
    this.eventsWritten = eventsWritten;
    this.clock = clock;
  }

  public void createOrder(Context ctx) throws Exception {
    OrderRequest body = requests.body(ctx, OrderRequest.class);
    PlaceOrder command = RequestValidation.order(body);
    String key = ctx.header("Idempotency-Key");
    if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
      throw ProblemException.invalid("Idempotency-Key", "must be 1-255 visible ASCII characters");
    }
    String hash = sha256(mapper.writeValueAsBytes(body));
    TraceContext trace = new TraceContext(ctx.res().getHeader("traceparent"),
        ctx.res().getHeader(HttpObservability.CORRELATION_HEADER));
    Placement placed = breakers.database(() -> placement.place(command, key, hash, trace));
    Order order = placed.order();
    if (!placed.replayed()) {
      List<String> stale = new ArrayList<>();
      stale.add(ReadThroughCache.key("customer-orders", order.customerId()));
      stale.add(ReadThroughCache.key("customer-analytics", order.customerId()));
      stale.add(TOP_PRODUCTS_KEY);
      for (OrderItem item : order.items()) {
        stale.add(ReadThroughCache.key("product-analytics", item.productId()));
      }
      cache.invalidate(stale);
      eventsWritten.run();
      LOG.info("order placed", StructuredArguments.kv("order_id", order.id()),
          StructuredArguments.kv("customer_id", order.customerId()), StructuredArguments.kv("total_cents", order.totalCents()));
    } else {
      ctx.header("Idempotent-Replayed", "true");
    }
    ctx.header("Location", "/api/v1/orders/" + order.id());
    json(ctx, 201, mapper.writeValueAsString(order));
  }

  public void getOrder(Context ctx) throws Exception {
    UUID id = Requests.uuidParam(ctx, "orderId");
    serve(ctx, cache.get("order", id, "v", ENTITY_TTL, () -> write(breakers.database(() -> orders.find(id)).orElse(null))),
        "no order with id " + id);
  }

  public void customerOrders(Context ctx) throws Exception {
    UUID id = Requests.uuidParam(ctx, "customerId");
    Paging paging = Paging.of(ctx);
    serve(ctx, cache.get("customer-orders", id, paging.page() + ":" + paging.size(), LIST_TTL, () -> {
      if (breakers.database(() -> customers.find(id)).isEmpty()) {
        return null;
      }
      return write(breakers.database(() -> orders.listByCustomer(id, paging.page(), paging.size())));
    }), "no customer with id " + id);
  }

  public void createCustomer(Context ctx) throws Exception {
    Customer customer = RequestValidation.customer(requests.body(ctx, CustomerRequest.class), clock.instant()
        .truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    breakers.database(() -> {
      customers.insert(customer);
      return null;
    });
    ctx.header("Location", "/api/v1/customers/" + customer.id());
    json(ctx, 201, mapper.writeValueAsString(customer));
  }

  public void getCustomer(Context ctx) throws Exception {
    UUID id = Requests.uuidParam(ctx, "customerId");
    serve(ctx, cache.get("customer", id, "v", ENTITY_TTL, () -> write(breakers.database(() -> customers.find(id)).orElse(null))),
        "no customer with id " + id);
  }

  public void customerAnalytics(Context ctx) throws Exception {
    UUID id = Requests.uuidParam(ctx, "customerId");
    serve(ctx, cache.get("customer-analytics", id, "v", LIST_TTL, () -> {
      if (breakers.database(() -> customers.find(id)).isEmpty()) {
        return null;
      }
      return write(breakers.database(() -> orders.customerAnalytics(id)));
    }), "no customer with id " + id);
  }

  public void createProduct(Context ctx) throws Exception {
    Product product = RequestValidation.product(requests.body(ctx, ProductRequest.class), clock.instant()
        .truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    breakers.database(() -> {
      products.insert(product);
      return null;
    });
    ctx.header("Location", "/api/v1/products/" + product.id());
    json(ctx, 201, mapper.writeValueAsString(product));
  }

  public void listProducts(Context ctx) throws Exception {
    Paging paging = Paging.of(ctx);
    String category = Requests.textQueryParam(ctx, "category", 64);
    json(ctx, 200, write(breakers.database(() -> products.list(category, paging.page(), paging.size()))));
  }

  public void getProduct(Context ctx) throws Exception {
    UUID id = Requests.uuidParam(ctx, "productId");
    serve(ctx, cache.get("product", id, "v", ENTITY_TTL, () -> write(breakers.database(() -> products.find(id)).orElse(null))),
        "no product with id " + id);
  }

  public void productAnalytics(Context ctx) throws Exception {
    UUID id = Requests.uuidParam(ctx, "productId");
    serve(ctx, cache.get("product-analytics", id, "v", LIST_TTL, () -> {
      if (breakers.database(() -> products.find(id)).isEmpty()) {
        return null;
      }
      return write(breakers.database(() -> orders.productAnalytics(id)));
    }), "no product with id " + id);
  }

  public void topProducts(Context ctx) throws Exception {
    int limit = Paging.intParam(ctx.queryParam("limit"), "limit", 10, 1, 100);
    String category = Requests.textQueryParam(ctx, "category", 64);
    String variant = (category == null ? "*" : category.toLowerCase(Locale.ROOT)) + ":" + limit;
    serve(ctx, cache.get("top-products", "all", variant, TOP_TTL,
        () -> write(new TopProducts(breakers.database(() -> orders.topProducts(category, limit))))), "");
  }

  /** Body of GET /api/v1/analytics/top-products. */
  public record TopProducts(List<io.ecap.platform.core.domain.TopProduct> products) {
  }

  /** Body of GET /api/v1/orders/{orderId}/fraud-decision: PENDING until the fraud service has decided. */
  public record FraudDecisionView(UUID orderId, String status, String decision, Double score, String modelVersion,
                                  List<String> reasons, String decidedAt) {
  }

  public void fraudDecision(Context ctx) throws Exception {
    UUID id = Requests.uuidParam(ctx, "orderId");
    if (breakers.database(() -> orders.find(id)).isEmpty()) {
      throw ProblemException.notFound("no order with id " + id);
    }
    FraudDecision d = breakers.database(() -> decisions.find(id)).orElse(null);
    FraudDecisionView view = d == null
        ? new FraudDecisionView(id, "PENDING", null, null, null, List.of(), null)
        : new FraudDecisionView(id, "DECIDED", d.decision().name(), d.score(), d.modelVersion(), d.reasons(),
            d.decidedAt().toString());
    json(ctx, 200, write(view));
  }

  private static void serve(Context ctx, CachedValue value, String notFound) {
    ctx.header("X-Cache", value.outcome().name());
    if (value.json() == null) {
      throw ProblemException.notFound(notFound);
    }
    json(ctx, 200, value.json());
  }

  static void json(Context ctx, int status, String body) {
    ctx.status(status).contentType("application/json").result(body);
  }

  private String write(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
