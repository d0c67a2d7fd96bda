package io.ecap.testrunner.suites.api;

import static io.ecap.testrunner.suites.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecap.testrunner.suites.PlatformHttp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The {@code api} suite's happy paths: create and read customers, products and orders, fraud decisions. */
@ApiSuite
class TestApiIntegration {

  private final PlatformHttp http = Shop.recordingClient();
  private final Shop shop = new Shop(http);

  @Test
  @Exercises({"POST /api/v1/customers", "GET /api/v1/customers/{customerId}"})
  void aCreatedCustomerReadsBackAsCreated() {
    String email = Shop.unique("ada") + "@example.com";
    PlatformHttp.Response created = http.postJson("/api/v1/customers", Shop.customerBody(email, "Ada Lovelace", "GB"));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    JsonNode customer = created.json();
    String id = customer.path("id").asText();
    assertThat(UUID.fromString(id)).isNotNull();
    assertThat(created.header("Location")).as("Location of %s", created).isEqualTo("/api/v1/customers/" + id);
    assertThat(customer.path("email").asText()).isEqualTo(email);
    assertThat(customer.path("country").asText()).isEqualTo("GB");
    assertThat(customer.path("createdAt").asText()).isNotBlank();

    PlatformHttp.Response read = http.get("/api/v1/customers/" + id);
    assertThat(read.status()).as("%s", read).isEqualTo(200);
    assertThat(read.json()).isEqualTo(customer);
  }

  @Test
  @Exercises({"POST /api/v1/products", "GET /api/v1/products/{productId}", "GET /api/v1/products"})
  void aCreatedProductReadsBackAndIsListedInItsCategory() {
    String category = Shop.unique("books");
    String sku = Shop.unique("sku");
    PlatformHttp.Response created = http.postJson("/api/v1/products", Shop.productBody(sku, category, 1999));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    JsonNode product = created.json();
    String id = product.path("id").asText();
    assertThat(created.header("Location")).isEqualTo("/api/v1/products/" + id);
    assertThat(product.path("priceCents").asLong()).isEqualTo(1999);
    assertThat(product.path("currency").asText()).isEqualTo("EUR");
    assertThat(product.path("active").asBoolean()).as("active defaults to true").isTrue();

    PlatformHttp.Response read = http.get("/api/v1/products/" + id);
    assertThat(read.status()).as("%s", read).isEqualTo(200);
    assertThat(read.json()).isEqualTo(product);

    PlatformHttp.Response listed = http.get("/api/v1/products?category=" + category);
    assertThat(listed.status()).as("%s", listed).isEqualTo(200);
    assertThat(listed.json().path("totalItems").asLong()).isEqualTo(1);
    assertThat(listed.json().path("items").get(0)).isEqualTo(product);
  }

  @Test
  @Exercises({"POST /api/v1/orders", "GET /api/v1/orders/{orderId}"})
  void anOrderIsPricedFromTheCatalogueAndReadsBack() {
    String customer = shop.customer();
    String book = shop.product(1250);
    String pen = shop.product(199);
    Map<String, Integer> lines = new LinkedHashMap<>();
    lines.put(book, 2);
    lines.put(pen, 5);
    PlatformHttp.Response placed = http.postJson("/api/v1/orders", Shop.orderBody(customer, lines));
    assertThat(placed.status()).as("%s", placed).isEqualTo(201);
    JsonNode order = placed.json();
    String id = order.path("id").asText();
    assertThat(placed.header("Location")).isEqualTo("/api/v1/orders/" + id);
    assertThat(order.path("customerId").asText()).isEqualTo(customer);
    assertThat(order.path("status").asText()).as("a new order's status").isIn("PLACED", "CONFIRMED");
    assertThat(order.path("currency").asText()).isEqualTo("EUR");
    assertThat(order.path("totalCents").asLong()).isEqualTo(2 * 1250 + 5 * 199);
    assertThat(order.path("items")).hasSize(2);
    assertThat(order.path("items").get(0).path("lineNo").asInt()).isEqualTo(1);
    assertThat(order.path("items").get(0).path("unitPriceCents").asLong()).isEqualTo(1250);
    assertThat(order.path("items").get(1).path("productId").asText()).isEqualTo(pen);

    PlatformHttp.Response read = http.get("/api/v1/orders/" + id);
    assertThat(read.status()).as("%s", read).isEqualTo(200);
    assertThat(read.json()).isEqualTo(order);
  }

  @Test
  @Exercises("GET /api/v1/orders/{orderId}/fraud-decision")
  void everyOrderHasAFraudDecisionPendingOrDecided() {
    String order = shop.order(shop.customer(), shop.product(4200), 1).path("id").asText();
    PlatformHttp.Response decision = http.get("/api/v1/orders/" + order + "/fraud-decision");
    assertThat(decision.status()).as("%s", decision).isEqualTo(200);
    JsonNode body = decision.json();
    assertThat(body.path("orderId").asText()).isEqualTo(order);
    assertThat(body.path("status").asText()).isIn("PENDING", "DECIDED");
    if (body.path("status").asText().equals("DECIDED")) {
      assertThat(body.path("decision").asText()).isIn("APPROVE", "REVIEW", "DECLINE");
      assertThat(body.path("score").asDouble()).isBetween(0.0, 1.0);
    } else {
      assertThat(body.hasNonNull("decision")).as("no decision while pending: %s", decision).isFalse();
    }
    assertProblem(http.get("/api/v1/orders/" + UUID.randomUUID() + "/fraud-decision"), 404);
  }

  @Test
  @Exercises({"GET /api/v1/customers/{customerId}/analytics", "GET /api/v1/products/{productId}/analytics",
      "GET /api/v1/customers/{customerId}/orders"})
  void newCustomersAndProductsHaveEmptyHistories() {
    String customer = shop.customer();
    String product = shop.product(500);
    JsonNode customerAnalytics = http.get("/api/v1/customers/" + customer + "/analytics").json();
    assertThat(customerAnalytics.path("customerId").asText()).isEqualTo(customer);
    assertThat(customerAnalytics.path("orders").asLong()).isZero();
    assertThat(customerAnalytics.path("revenueCents").asLong()).isZero();
    JsonNode productAnalytics = http.get("/api/v1/products/" + product + "/analytics").json();
    assertThat(productAnalytics.path("productId").asText()).isEqualTo(product);
    assertThat(productAnalytics.path("unitsSold").asLong()).isZero();
    JsonNode orders = http.get("/api/v1/customers/" + customer + "/orders").json();
    assertThat(orders.path("totalItems").asLong()).isZero();
    assertThat(orders.path("items")).isEmpty();
  }

  @Test
  @Exercises({"GET /api/v1/customers/{customerId}", "GET /api/v1/products/{productId}", "GET /api/v1/orders/{orderId}",
      "GET /api/v1/customers/{customerId}/orders", "GET /api/v1/customers/{customerId}/analytics",
      "GET /api/v1/products/{productId}/analytics"})
  void unknownIdsAre404Problems() {
    for (String path : List.of("/api/v1/customers/%s", "/api/v1/products/%s", "/api/v1/orders/%s",
        "/api/v1/customers/%s/orders", "/api/v1/customers/%s/analytics", "/api/v1/products/%s/analytics")) {
      JsonNode problem = assertProblem(http.get(String.format(path, UUID.randomUUID())), 404);
      assertThat(problem.path("detail").asText()).as(path).doesNotStartWith("no route");
    }
  }
}
