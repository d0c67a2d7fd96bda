package io.ecap.testrunner.suites.api;

import static io.ecap.testrunner.suites.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testrunner.suites.PlatformHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Malformed JSON is a 400, an unknown route a 404, a wrong method a 405: problems all, and never a 5xx. */
@ApiSuite
class TestApiErrorHandling {

  private static final List<String> POST_ROUTES = List.of("/api/v1/customers", "/api/v1/products", "/api/v1/orders");
  private static final List<String> MALFORMED = List.of("{", "{\"email\":", "not json", "[]", "null", "42", "\"text\"", "");

  private final PlatformHttp http = Shop.recordingClient();

  @Test
  @Exercises({"POST /api/v1/customers", "POST /api/v1/products", "POST /api/v1/orders"})
  void malformedJsonIs400OnEveryWriteRoute() {
    for (String route : POST_ROUTES) {
      for (String body : MALFORMED) {
        assertProblem(http.postJson(route, body), 400);
      }
    }
  }

  @Test
  void unknownRoutesAre404Problems() {
    for (String path : List.of("/api/v1/nothing-here", "/api/v2/orders", "/nope", "/api/v1/orders/x/y/z")) {
      assertProblem(http.get(path), 404);
    }
  }

  @Test
  void wrongMethodsAre405Problems() {
    assertProblem(http.send("DELETE", "/api/v1/orders", Map.of(), null), 405);
    assertProblem(http.send("PUT", "/api/v1/customers", Map.of("Content-Type", "application/json"), "{}"), 405);
    assertProblem(http.send("PATCH", "/api/v1/products", Map.of("Content-Type", "application/json"), "{}"), 405);
    assertProblem(http.send("POST", "/api/v1/analytics/top-products", Map.of("Content-Type", "application/json"), "{}"), 405);
    assertProblem(http.send("DELETE", "/health/ready", Map.of(), null), 405);
  }

  @Test
  @Exercises({"POST /api/v1/customers", "POST /api/v1/products", "POST /api/v1/orders", "GET /api/v1/products",
      "GET /api/v1/analytics/top-products"})
  void hostileInputNeverCausesA5xx() {
    List<String> bodies = new ArrayList<>(List.of(
        "{\"email\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}",
        "{\"email\":\"" + "a".repeat(300_000) + "@example.com\",\"name\":\"N\",\"country\":\"DE\"}",
        "{\"priceCents\":99999999999999999999999999,\"sku\":\"s\",\"name\":\"n\",\"category\":\"c\",\"currency\":\"EUR\"}",
        "{\"customerId\":\"\\u0000\",\"items\":[null],\"shippingCountry\":\"\\uD83D\\uDE00\",\"payment\":null}",
        "{\"items\":[{\"productId\":{},\"quantity\":[]}]}",
        "{\"name\":\"\\ud800\"}",
        "{\"email\":\"nul\\u0000@example.com\",\"name\":\"N\\u0000\",\"country\":\"DE\",\"sku\":\"s\\u0000\"}",
        "{\"sku\":\"" + Shop.unique("nul") + "\",\"name\":\"N\",\"category\":\"c\\u0000\",\"priceCents\":1,"
            + "\"currency\":\"EUR\"}",
        "{\"email\":\"a@b.co\",\"email\":\"dup@b.co\",\"name\":\"N\",\"country\":\"DE\"}"));
    List<String> problems = new ArrayList<>();
    for (String route : POST_ROUTES) {
      for (String body : bodies) {
        PlatformHttp.Response response = http.postJson(route, body);
        check(response, problems);
      }
      check(http.post(route, "text/plain", "hello"), problems);
      check(http.postJson(route, "{}", Map.of("Idempotency-Key", "bad key with spaces")), problems);
    }
    for (String query : List.of("page=99999999999", "size=1e3", "category=%00%ff", "page=&size=", "size=%F0%9F%98%80")) {
      check(http.get("/api/v1/products?" + query), problems);
      check(http.get("/api/v1/analytics/top-products?" + query), problems);
    }
    check(http.get("/api/v1/analytics/top-products?limit=" + "9".repeat(40)), problems);
    assertThat(problems).as("answers that were not a 4xx problem").isEmpty();
  }

  private static void check(PlatformHttp.Response response, List<String> problems) {
    boolean problem = response.status() >= 400 && response.status() < 500
        && response.contentType().startsWith("application/problem+json");
    if (!problem && response.status() != 200 && response.status() != 201) {
      problems.add(response.toString());
    }
    if (response.status() >= 500) {
      problems.add("5xx: " + response);
    }
  }
}
