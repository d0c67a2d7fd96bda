package io.ecap.testrunner.suites.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecap.testrunner.suites.PlatformHttp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One order, seen the same way from every endpoint that shows it: order, customer's orders, analytics, ranking. */
@ApiSuite
class TestApiConsistency {

  private final PlatformHttp http = Shop.recordingClient();
  private final Shop shop = new Shop(http);

  @Test
  @Exercises({"POST /api/v1/orders", "GET /api/v1/orders/{orderId}", "GET /api/v1/customers/{customerId}/orders",
      "GET /api/v1/customers/{customerId}/analytics", "GET /api/v1/products/{productId}/analytics",
      "GET /api/v1/analytics/top-products"})
  void anOrderShowsUpConsistentlyAcrossEndpoints() {
    String category = Shop.unique("consistent");
    String customer = shop.customer();
    String lamp = shop.newProduct(category, 4_500).path("id").asText();
    String bulb = shop.newProduct(category, 250).path("id").asText();
    // Read everything once before the order, so stale cached answers would show.
    http.get("/api/v1/customers/" + customer + "/orders");
    http.get("/api/v1/customers/" + customer + "/analytics");
    http.get("/api/v1/products/" + lamp + "/analytics");
    http.get("/api/v1/analytics/top-products?category=" + category);

    Map<String, Integer> lines = new LinkedHashMap<>();
    lines.put(lamp, 1);
    lines.put(bulb, 6);
    JsonNode order = shop.order(customer, lines);
    String id = order.path("id").asText();
    long total = order.path("totalCents").asLong();
    assertThat(total).isEqualTo(4_500 + 6 * 250);

    assertThat(http.get("/api/v1/orders/" + id).json()).isEqualTo(order);

    JsonNode orders = http.get("/api/v1/customers/" + customer + "/orders").json();
    assertThat(orders.path("totalItems").asLong()).isEqualTo(1);
    assertThat(orders.path("items").get(0)).isEqualTo(order);

    JsonNode customerAnalytics = http.get("/api/v1/customers/" + customer + "/analytics").json();
    assertThat(customerAnalytics.path("orders").asLong()).isEqualTo(1);
    assertThat(customerAnalytics.path("revenueCents").asLong()).isEqualTo(total);
    assertThat(customerAnalytics.path("averageOrderCents").asLong()).isEqualTo(total);
    assertThat(customerAnalytics.path("favouriteCategory").asText()).isEqualTo(category);
    assertThat(java.time.Instant.parse(customerAnalytics.path("lastOrderAt").asText()))
        .isEqualTo(java.time.Instant.parse(order.path("createdAt").asText()));

    JsonNode lampAnalytics = http.get("/api/v1/products/" + lamp + "/analytics").json();
    assertThat(lampAnalytics.path("orders").asLong()).isEqualTo(1);
    assertThat(lampAnalytics.path("unitsSold").asLong()).isEqualTo(1);
    assertThat(lampAnalytics.path("revenueCents").asLong()).isEqualTo(4_500);
    assertThat(lampAnalytics.path("distinctCustomers").asLong()).isEqualTo(1);

    JsonNode ranking = http.get("/api/v1/analytics/top-products?category=" + category).json().path("products");
    List<String> ranked = new ArrayList<>();
    ranking.forEach(p -> ranked.add(p.path("productId").asText()));
    assertThat(ranked).as("ranking by revenue: %s", ranking).containsExactly(lamp, bulb);
    assertThat(ranking.get(0).path("rank").asInt()).isEqualTo(1);
    assertThat(ranking.get(1).path("revenueCents").asLong()).isEqualTo(1_500);
    assertThat(ranking.get(1).path("unitsSold").asLong()).isEqualTo(6);
  }

  @Test
  @Exercises({"GET /api/v1/analytics/top-products", "POST /api/v1/orders"})
  void theRankingLimitAndRevenueOrderHold() {
    String category = Shop.unique("ranked");
    String customer = shop.customer();
    List<String> products = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      products.add(shop.newProduct(category, 1_000L * (i + 1)).path("id").asText());
    }
    for (String product : products) {
      shop.order(customer, product, 1);
    }
    JsonNode top = http.get("/api/v1/analytics/top-products?limit=2&category=" + category).json().path("products");
    assertThat(top).hasSize(2);
    assertThat(top.get(0).path("productId").asText()).isEqualTo(products.get(2));
    assertThat(top.get(1).path("productId").asText()).isEqualTo(products.get(1));
    assertThat(top.get(0).path("revenueCents").asLong()).isGreaterThan(top.get(1).path("revenueCents").asLong());
  }
}
