package io.ecap.testrunner.suites.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecap.testrunner.suites.Endpoints;
import io.ecap.testrunner.suites.PlatformHttp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Test data made through the API itself, every name unique, so each test owns its customers, products and
 * orders and shards can share one environment.
 */
public final class Shop {

  private final PlatformHttp http;

  public Shop(PlatformHttp http) {
    this.http = http;
  }

  /** A client of the configured API whose requests the api suite's route check sees. */
  public static PlatformHttp recordingClient() {
    return new PlatformHttp(Endpoints.fromEnvironment().api(), Duration.ofSeconds(10)).observed(ExercisedRoutes::record);
  }

  public PlatformHttp http() {
    return http;
  }

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
  }

  public static String customerBody(String email, String name, String country) {
    return "{\"email\":\"" + email + "\",\"name\":\"" + name + "\",\"country\":\"" + country + "\"}";
  }

  public static String productBody(String sku, String category, long priceCents) {
    return "{\"sku\":\"" + sku + "\",\"name\":\"Product " + sku + "\",\"category\":\"" + category + "\",\"priceCents\":"
        + priceCents + ",\"currency\":\"EUR\"}";
  }

  /** An order body for {@code lines} (product id to quantity), shipped and billed in Germany. */
  public static String orderBody(String customerId, Map<String, Integer> lines) {
    String items = lines.entrySet().stream()
        .map(e -> "{\"productId\":\"" + e.getKey() + "\",\"quantity\":" + e.getValue() + "}")
        .collect(Collectors.joining(","));
    return "{\"customerId\":\"" + customerId + "\",\"items\":[" + items + "],\"shippingCountry\":\"DE\","
        + "\"payment\":{\"cardFingerprint\":\"card-" + customerId.substring(0, 8) + "\",\"billingCountry\":\"DE\"}}";
  }

  /** A new customer; its JSON as the API returned it. */
  public JsonNode newCustomer() {
    PlatformHttp.Response created = http.postJson("/api/v1/customers",
        customerBody(unique("shopper") + "@example.com", "Test Shopper", "DE"));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    return created.json();
  }

  public String customer() {
    return newCustomer().get("id").asText();
  }

  /** A new product of {@code category} at {@code priceCents} EUR; its JSON as the API returned it. */
  public JsonNode newProduct(String category, long priceCents) {
    PlatformHttp.Response created = http.postJson("/api/v1/products", productBody(unique("sku"), category, priceCents));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    return created.json();
  }

  public String product(long priceCents) {
    return newProduct(unique("cat"), priceCents).get("id").asText();
  }

  /** Places an order and returns it; fails the test unless it is created. */
  public JsonNode order(String customerId, Map<String, Integer> lines) {
    PlatformHttp.Response placed = http.postJson("/api/v1/orders", orderBody(customerId, lines));
    assertThat(placed.status()).as("%s", placed).isEqualTo(201);
    return placed.json();
  }

  public JsonNode order(String customerId, String productId, int quantity) {
    Map<String, Integer> lines = new LinkedHashMap<>();
    lines.put(productId, quantity);
    return order(customerId, lines);
  }
}
