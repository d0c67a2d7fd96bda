package io.ecap.platform.services.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecap.platform.services.api.ApiService;
import io.ecap.platform.services.support.TestPlatform;
import io.ecap.platform.services.support.TestPlatform.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The /admin test hooks on an api service started with them (as --embedded does): Redis and PostgreSQL cut off
 * and restored through the fault proxies, with breakers and health following; log lines found by trace id. The
 * shared test platform's own api service runs without hooks and answers 404 problems.
 */
class AdminRoutesIT {

  private static TestPlatform platform;
  private static FaultInjection faults;
  private static RecentLogs logs;
  private static ApiService hooked;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    platform = TestPlatform.get();
    faults = FaultInjection.start(platform.endpoints);
    logs = RecentLogs.install(1_000);
    hooked = ApiService.start(faults.endpoints(platform.endpoints), "127.0.0.1", 0, new AdminHooks(faults, Optional.of(logs)));
  }

  @AfterAll
  static void stop() {
    hooked.close();
    faults.close();
    logs.uninstall();
  }

  private static Response call(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hooked.url() + path)).timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return platform.send(b, headers);
  }

  private static String dependency(Response ready, String name) {
    for (JsonNode d : ready.json().get("dependencies")) {
      if (d.get("name").asText().equals(name)) {
        return d.get("status").asText() + "/" + d.get("circuitBreaker").asText();
      }
    }
    return "missing";
  }

  @Test
  void withoutHooksEveryAdminRouteIsA404ProblemSayingHowToTurnItOn() throws Exception {
    for (String path : new String[] {"/admin/faults", "/admin/logs?traceId=" + "a".repeat(32)}) {
      Response r = platform.get(path);
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
      assertThat(r.json().get("detail").asText()).contains("disabled").contains("--embedded");
    }
    Response cut = platform.post("/admin/faults/redis", "");
    assertThat(cut.status()).isEqualTo(404);
    assertThat(cut.json().get("detail").asText()).contains("ECAP_FAULT_INJECTION=true");
  }

  @Test
  void serviceHooksActOnlyOnServicesOfThisProcessAndCheckTheirInput() throws Exception {
    Response restart = call("POST", "/admin/services/streaming/restart", null);
    assertThat(restart.status()).isEqualTo(404);
    assertThat(restart.json().get("detail").asText()).contains("does not run in this process")
        .contains("ECAP_SERVICE_STREAMING_URL");
    RunningServices.Restartable fake = new RunningServices.Restartable() {
      int count;

      @Override
      public void restart() {
        count++;
      }

      @Override
      public int restarts() {
        return count;
      }
    };
    RunningServices.register("notifications", fake);
    try {
      assertThat(call("POST", "/admin/notifications/webhooks", "{\"url\":\"ftp://x\"}").status()).isEqualTo(400);
      assertThat(call("POST", "/admin/notifications/webhooks", "not json").status()).isEqualTo(400);
      String hook = "http://127.0.0.1:9/hook-" + UUID.randomUUID();
      Response added = call("POST", "/admin/notifications/webhooks", "{\"url\":\"" + hook + "\"}");
      assertThat(added.status()).as(added.body()).isEqualTo(201);
      assertThat(added.json().get("webhooks").toString()).contains(hook);
      assertThat(call("POST", "/admin/notifications/webhooks", "{\"url\":\"" + hook + "\"}").status()).isEqualTo(200);
      assertThat(fake.restarts()).as("restarted once, for the new webhook only").isEqualTo(1);
      Response removed = call("DELETE", "/admin/notifications/webhooks?url=" + hook, null);
      assertThat(removed.status()).isEqualTo(200);
      assertThat(removed.json().get("webhooks").toString()).doesNotContain(hook);
      assertThat(call("DELETE", "/admin/notifications/webhooks?url=" + hook, null).status()).isEqualTo(404);
      assertThat(fake.restarts()).isEqualTo(2);
      Response restarted = call("POST", "/admin/services/notifications/restart", null);
      assertThat(restarted.status()).isEqualTo(200);
      assertThat(restarted.json().get("restarts").asInt()).isEqualTo(3);
    } finally {
      RunningServices.unregister("notifications", fake);
    }
    assertThat(platform.post("/admin/services/streaming/restart", "").json().get("detail").asText())
        .contains("ECAP_FAULT_INJECTION=true");
  }

  @Test
  void redisCutOffOpensItsBreakerWhileTheApiAnswersDegradedAndClosesAfterRestore() throws Exception {
    Response listed = call("GET", "/admin/faults", null);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body()).contains("{\"name\":\"redis\",\"state\":\"CONNECTED\"}")
        .contains("{\"name\":\"postgresql\",\"state\":\"CONNECTED\"}");
    String customer = call("POST", "/api/v1/customers", "{\"email\":\"cut-" + UUID.randomUUID()
        + "@example.com\",\"name\":\"Cut\",\"country\":\"DE\"}").json().get("id").asText();
    assertThat(call("GET", "/api/v1/customers/" + customer, null).header("X-Cache")).isEqualTo("MISS");
    assertThat(call("GET", "/api/v1/customers/" + customer, null).header("X-Cache")).isEqualTo("HIT");

    Response cut = call("POST", "/admin/faults/redis", null);
    assertThat(cut.status()).isEqualTo(200);
    assertThat(cut.json().get("state").asText()).isEqualTo("CUT");
    try {
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        Response degraded = call("GET", "/api/v1/customers/" + customer, null);
        assertThat(degraded.status()).isEqualTo(200);
        assertThat(degraded.header("X-Cache")).isEqualTo("BYPASS");
        Response ready = call("GET", "/health/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("DEGRADED");
        assertThat(dependency(ready, "redis")).isEqualTo("DOWN/OPEN");
      });
      assertThat(call("GET", "/metrics", null).body()).contains("ecap_circuitbreaker_state{name=\"redis\",state=\"open\"} 1.0");
    } finally {
      Response restored = call("DELETE", "/admin/faults/redis", null);
      assertThat(restored.status()).isEqualTo(200);
      assertThat(restored.json().get("state").asText()).isEqualTo("CONNECTED");
    }
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      Response ready = call("GET", "/health/ready", null);
      assertThat(ready.json().get("status").asText()).isEqualTo("UP");
      assertThat(dependency(ready, "redis")).isEqualTo("UP/CLOSED");
    });
    await().atMost(Duration.ofSeconds(5)).until(() ->
        "HIT".equals(call("GET", "/api/v1/customers/" + customer, null).header("X-Cache")));
  }

  @Test
  void postgresqlCutOffGives503ProblemsAndReadyDownUntilRestored() throws Exception {
    assertThat(call("POST", "/admin/faults/postgresql", null).status()).isEqualTo(200);
    try {
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        Response products = call("GET", "/api/v1/products?size=1", null);
        assertThat(products.status()).isEqualTo(503);
        assertThat(products.header("Content-Type")).startsWith("application/problem+json");
        assertThat(products.header("Retry-After")).isNotBlank();
        Response ready = call("GET", "/health/ready", null);
        assertThat(ready.status()).isEqualTo(503);
        assertThat(dependency(ready, "postgresql")).startsWith("DOWN/");
      });
    } finally {
      assertThat(call("DELETE", "/admin/faults/postgresql", null).status()).isEqualTo(200);
    }
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(call("GET", "/api/v1/products?size=1", null).status()).isEqualTo(200);
      assertThat(call("GET", "/health/ready", null).status()).isEqualTo(200);
    });
  }

  @Test
  void anUnknownDependencyIsA404ProblemNamingTheField() throws Exception {
    for (String method : new String[] {"POST", "DELETE"}) {
      Response r = call(method, "/admin/faults/kafka", null);
      assertThat(r.status()).as(method).isEqualTo(404);
      assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("dependency");
      assertThat(r.json().get("detail").asText()).contains("known: redis, postgresql");
    }
  }

  @Test
  void logLinesOfATraceAreServedAsTheJsonLogWritesThem() throws Exception {
    String product = call("GET", "/api/v1/products?size=1", null).json().get("items").get(0).get("id").asText();
    String customer = call("POST", "/api/v1/customers", "{\"email\":\"logs-" + UUID.randomUUID()
        + "@example.com\",\"name\":\"Logs\",\"country\":\"FR\"}").json().get("id").asText();
    String traceId = UUID.randomUUID().toString().replace("-", "");
    Response order = call("POST", "/api/v1/orders", "{\"customerId\":\"" + customer + "\",\"items\":[{\"productId\":\""
        + product + "\",\"quantity\":1}],\"shippingCountry\":\"FR\",\"payment\":{\"cardFingerprint\":\"card-logs-1\","
        + "\"billingCountry\":\"FR\"}}", "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
    assertThat(order.status()).isEqualTo(201);
    String orderId = order.json().get("id").asText();

    Response found = call("GET", "/admin/logs?traceId=" + traceId, null);
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.header("Content-Type")).startsWith("application/x-ndjson");
    JsonNode placed = null;
    for (String line : found.body().split("\n")) {
      JsonNode json = JSON.readTree(line);
      assertThat(json.get("trace_id").asText()).isEqualTo(traceId);
      if ("order placed".equals(json.path("message").asText())) {
        placed = json;
      }
    }
    assertThat(placed).as(found.body()).isNotNull();
    assertThat(placed.get("order_id").asText()).isEqualTo(orderId);
    assertThat(placed.get("level").asText()).isEqualTo("INFO");

    assertThat(call("GET", "/admin/logs?traceId=" + "0".repeat(31) + "1", null).body()).isEmpty();
    Response bad = call("GET", "/admin/logs?traceId=NOT-A-TRACE", null);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("traceId");
  }
}
