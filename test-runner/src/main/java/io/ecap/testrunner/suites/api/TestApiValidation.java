package io.ecap.testrunner.suites.api;

import static io.ecap.testrunner.suites.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testrunner.suites.PlatformHttp;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Invalid input gets a 4xx problem naming each offending field (body, path and query), never a 5xx. */
@ApiSuite
class TestApiValidation {

  private final PlatformHttp http = Shop.recordingClient();
  private final Shop shop = new Shop(http);

  @Test
  @Exercises("POST /api/v1/customers")
  void everyInvalidCustomerFieldIsNamedAtOnce() {
    assertProblem(http.postJson("/api/v1/customers", "{\"email\":\"not-an-email\",\"name\":\" \",\"country\":\"Germany\"}"),
        400, "email", "name", "country");
    assertProblem(http.postJson("/api/v1/customers", "{\"name\":\"No Email\",\"country\":\"DE\"}"), 400, "email");
    assertProblem(http.postJson("/api/v1/customers", "{\"email\":\"" + Shop.unique("x") + "@example.com\",\"name\":\"A\","
        + "\"country\":\"DE\",\"nickname\":\"unknown field\"}"), 400, "nickname");
  }

  @Test
  @Exercises("POST /api/v1/products")
  void everyInvalidProductFieldIsNamedAtOnce() {
    assertProblem(http.postJson("/api/v1/products", "{\"sku\":\"has spaces\",\"name\":\"P\",\"category\":\"c\","
        + "\"priceCents\":0,\"currency\":\"eur\"}"), 400, "sku", "priceCents", "currency");
    assertProblem(http.postJson("/api/v1/products", "{\"sku\":\"" + Shop.unique("s") + "\",\"name\":\"P\","
        + "\"category\":\"c\",\"priceCents\":\"ten\",\"currency\":\"EUR\"}"), 400, "priceCents");
    assertProblem(http.postJson("/api/v1/products", "{\"sku\":\"" + Shop.unique("s") + "\",\"name\":\"P\","
        + "\"category\":\"c\",\"priceCents\":12.5,\"currency\":\"EUR\"}"), 400, "priceCents");
  }

  @Test
  @Exercises("POST /api/v1/orders")
  void everyInvalidOrderFieldIsNamedWithItsPath() {
    String product = shop.product(100);
    assertProblem(http.postJson("/api/v1/orders", "{\"customerId\":\"not-a-uuid\",\"items\":[{\"productId\":\"" + product
        + "\",\"quantity\":0}],\"shippingCountry\":\"XX\",\"payment\":{\"cardFingerprint\":\"short\","
        + "\"billingCountry\":\"DE\"}}"), 400, "customerId", "items[0].quantity", "shippingCountry",
        "payment.cardFingerprint");
    assertProblem(http.postJson("/api/v1/orders", "{\"customerId\":\"" + UUID.randomUUID() + "\",\"items\":[],"
        + "\"shippingCountry\":\"DE\"}"), 400, "items", "payment");
    assertProblem(http.postJson("/api/v1/orders", "{\"customerId\":\"" + UUID.randomUUID() + "\",\"items\":[{\"productId\":\""
        + product + "\",\"quantity\":1},{\"productId\":\"" + product + "\",\"quantity\":2}],\"shippingCountry\":\"DE\","
        + "\"payment\":{\"cardFingerprint\":\"card-12345\",\"billingCountry\":\"DE\"}}"), 400, "items[1].productId");
  }

  @Test
  @Exercises("POST /api/v1/orders")
  void ordersForUnknownOrUnsellableThingsAre422NamingTheField() {
    String customer = shop.customer();
    assertProblem(http.postJson("/api/v1/orders", Shop.orderBody(UUID.randomUUID().toString(),
        java.util.Map.of(shop.product(100), 1))), 422, "customerId");
    assertProblem(http.postJson("/api/v1/orders", Shop.orderBody(customer, java.util.Map.of(UUID.randomUUID().toString(), 1))),
        422, "items[0].productId");
    PlatformHttp.Response inactive = http.postJson("/api/v1/products", "{\"sku\":\"" + Shop.unique("gone")
        + "\",\"name\":\"Gone\",\"category\":\"c\",\"priceCents\":100,\"currency\":\"EUR\",\"active\":false}");
    assertThat(inactive.status()).as("%s", inactive).isEqualTo(201);
    assertProblem(http.postJson("/api/v1/orders", Shop.orderBody(customer,
        java.util.Map.of(inactive.json().path("id").asText(), 1))), 422, "items[0].productId");
    assertThat(http.get("/api/v1/customers/" + customer + "/orders").json().path("totalItems").asLong())
        .as("rejected orders leave nothing behind").isZero();
  }

  @Test
  @Exercises({"POST /api/v1/customers", "POST /api/v1/products"})
  void duplicateEmailsAndSkusAre409NamingTheField() {
    String email = Shop.unique("twice") + "@example.com";
    assertThat(http.postJson("/api/v1/customers", Shop.customerBody(email, "One", "DE")).status()).isEqualTo(201);
    assertProblem(http.postJson("/api/v1/customers", Shop.customerBody(email, "Two", "FR")), 409, "email");
    String sku = Shop.unique("dup");
    assertThat(http.postJson("/api/v1/products", Shop.productBody(sku, "c", 100)).status()).isEqualTo(201);
    assertProblem(http.postJson("/api/v1/products", Shop.productBody(sku, "c", 200)), 409, "sku");
  }

  @Test
  @Exercises({"GET /api/v1/orders/{orderId}", "GET /api/v1/customers/{customerId}", "GET /api/v1/products/{productId}",
      "GET /api/v1/customers/{customerId}/orders", "GET /api/v1/products", "GET /api/v1/analytics/top-products",
      "GET /api/v1/orders/{orderId}/fraud-decision", "GET /api/v1/customers/{customerId}/analytics",
      "GET /api/v1/products/{productId}/analytics"})
  void badPathAndQueryParametersAre400NamingTheParameter() {
    assertProblem(http.get("/api/v1/orders/not-a-uuid"), 400, "orderId");
    assertProblem(http.get("/api/v1/orders/12345/fraud-decision"), 400, "orderId");
    assertProblem(http.get("/api/v1/customers/xyz"), 400, "customerId");
    assertProblem(http.get("/api/v1/customers/xyz/analytics"), 400, "customerId");
    assertProblem(http.get("/api/v1/products/xyz"), 400, "productId");
    assertProblem(http.get("/api/v1/products/xyz/analytics"), 400, "productId");
    String customer = shop.customer();
    assertProblem(http.get("/api/v1/customers/" + customer + "/orders?size=0"), 400, "size");
    assertProblem(http.get("/api/v1/customers/" + customer + "/orders?size=101"), 400, "size");
    assertProblem(http.get("/api/v1/customers/" + customer + "/orders?page=-1"), 400, "page");
    assertProblem(http.get("/api/v1/products?size=abc"), 400, "size");
    assertProblem(http.get("/api/v1/analytics/top-products?limit=0"), 400, "limit");
    assertProblem(http.get("/api/v1/analytics/top-products?limit=101"), 400, "limit");
  }
}
