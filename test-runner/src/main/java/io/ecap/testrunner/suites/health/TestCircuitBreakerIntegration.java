package io.ecap.testrunner.suites.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecap.testrunner.suites.Endpoint;
import io.ecap.testrunner.suites.Endpoints;
import io.ecap.testrunner.suites.Eventually;
import io.ecap.testrunner.suites.Exposition;
import io.ecap.testrunner.suites.PlatformDisruption;
import io.ecap.testrunner.suites.PlatformHttp;
import io.ecap.testrunner.suites.RequiresEndpoints;
import io.ecap.testrunner.suites.api.Shop;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The {@code health} suite's resilience part: Redis is cut off through the platform's fault injection
 * ({@code POST /admin/faults/redis}); its circuit breaker opens (in /health/ready and in
 * {@code ecap_circuitbreaker_state}) while the API keeps answering, degraded, from PostgreSQL; once Redis is
 * restored the breaker closes and the cache serves again. Holds the environment's disruption lock, so tests of
 * other shards that a cut would falsify wait.
 */
@Tag("health")
@RequiresEndpoints({Endpoint.API, Endpoint.JDBC})
class TestCircuitBreakerIntegration {

  private final Endpoints endpoints = Endpoints.fromEnvironment();
  private final PlatformHttp http = new PlatformHttp(endpoints.api(), Duration.ofSeconds(10));
  private final Shop shop = new Shop(http);

  private String redis(PlatformHttp.Response ready) {
    for (JsonNode dependency : ready.json().path("dependencies")) {
      if (dependency.path("name").asText().equals("redis")) {
        return dependency.path("status").asText() + "/" + dependency.path("circuitBreaker").asText();
      }
    }
    throw new AssertionError("no redis in " + ready);
  }

  private double breaker(String state) {
    return Exposition.parse(http.get("/metrics").body())
        .sum("ecap_circuitbreaker_state", Map.of("name", "redis", "state", state));
  }

  @Test
  void redisBreakerOpensWhileTheApiServesDegradedAndClosesAfterRestore() {
    PlatformHttp.Response faults = http.get("/admin/faults");
    Assumptions.assumeFalse(faults.status() == 404 && faults.contentType().startsWith("application/problem+json"),
        "the platform runs without fault injection (start it with --embedded, or ECAP_FAULT_INJECTION=true): " + faults);
    assertThat(faults.status()).as("%s", faults).isEqualTo(200);
    assertThat(faults.body()).as("%s", faults).contains("\"redis\"");
    String customer = shop.customer();
    String product = shop.product(1200);
    String path = "/api/v1/customers/" + customer;

    try (PlatformDisruption.Hold disturbing = new PlatformDisruption(endpoints).exclusive()) {
      Eventually.within(Duration.ofSeconds(15), () -> {
        assertThat(redis(http.get("/health/ready"))).isEqualTo("UP/CLOSED");
        http.get(path);
        assertThat(http.get(path).header("X-Cache")).isEqualTo("HIT");
      });

      PlatformHttp.Response cut = http.send("POST", "/admin/faults/redis", Map.of(), null);
      try {
        assertThat(cut.status()).as("%s", cut).isEqualTo(200);
        assertThat(cut.json().path("state").asText()).isEqualTo("CUT");
        Eventually.within(Duration.ofSeconds(20), () -> {
          PlatformHttp.Response degraded = http.get(path);
          assertThat(degraded.status()).as("%s", degraded).isEqualTo(200);
          assertThat(degraded.header("X-Cache")).as("%s", degraded).isEqualTo("BYPASS");
          assertThat(degraded.json().path("id").asText()).isEqualTo(customer);
          PlatformHttp.Response ready = http.get("/health/ready");
          assertThat(ready.status()).as("ready is 200 while only Redis is down: %s", ready).isEqualTo(200);
          assertThat(ready.json().path("status").asText()).as("%s", ready).isEqualTo("DEGRADED");
          assertThat(redis(ready)).as("%s", ready).isEqualTo("DOWN/OPEN");
          assertThat(breaker("open")).as("ecap_circuitbreaker_state{name=redis,state=open}").isEqualTo(1.0);
        });
        PlatformHttp.Response order = http.postJson("/api/v1/orders", Shop.orderBody(customer, Map.of(product, 1)));
        assertThat(order.status()).as("writes go on without Redis: %s", order).isEqualTo(201);
      } finally {
        PlatformHttp.Response restored = http.delete("/admin/faults/redis");
        assertThat(restored.status()).as("%s", restored).isEqualTo(200);
        assertThat(restored.json().path("state").asText()).isEqualTo("CONNECTED");
      }

      Eventually.within(Duration.ofSeconds(30), () -> {
        PlatformHttp.Response ready = http.get("/health/ready");
        assertThat(redis(ready)).as("%s", ready).isEqualTo("UP/CLOSED");
        assertThat(breaker("closed")).as("ecap_circuitbreaker_state{name=redis,state=closed}").isEqualTo(1.0);
        http.get(path);
        assertThat(http.get(path).header("X-Cache")).isEqualTo("HIT");
      });
      assertThat(http.get("/api/v1/customers/" + customer + "/orders").json().path("totalItems").asLong())
          .as("the order placed while Redis was cut off, once it is back").isEqualTo(1);
    }
  }
}
