package io.ecap.platform.services.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecap.platform.services.support.TestPlatform;
import io.ecap.platform.services.support.TestPlatform.Response;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Redis goes away and comes back: the API keeps answering from PostgreSQL, says so in health, and recovers. */
class RedisOutageIT {

  private static String redisState(Response ready) {
    for (JsonNode d : ready.json().get("dependencies")) {
      if (d.get("name").asText().equals("redis")) {
        return d.get("status").asText() + "/" + d.get("circuitBreaker").asText();
      }
    }
    return "missing";
  }

  @Test
  void apiServesDegradedWhileRedisIsDownAndRecoversWithoutRestart() throws Exception {
    TestPlatform platform = TestPlatform.get();
    String customer = platform.post("/api/v1/customers", "{\"email\":\"outage-" + UUID.randomUUID()
        + "@example.com\",\"name\":\"O\",\"country\":\"NL\"}").json().get("id").asText();
    String product = platform.get("/api/v1/products?size=1").json().get("items").get(0).get("id").asText();
    String order = "{\"customerId\":\"" + customer + "\",\"items\":[{\"productId\":\"" + product
        + "\",\"quantity\":1}],\"shippingCountry\":\"NL\",\"payment\":{\"cardFingerprint\":\"card-outage-1\",\"billingCountry\":\"NL\"}}";
    assertThat(platform.post("/api/v1/orders", order).status()).isEqualTo(201);
    assertThat(platform.get("/api/v1/customers/" + customer + "/orders").json().get("totalItems").asInt()).isEqualTo(1);
    assertThat(platform.get("/api/v1/customers/" + customer + "/orders").header("X-Cache")).isEqualTo("HIT");

    platform.infra.redis().stopServer();
    try {
      Response degraded = platform.get("/api/v1/customers/" + customer + "/orders");
      assertThat(degraded.status()).isEqualTo(200);
      assertThat(degraded.header("X-Cache")).isEqualTo("BYPASS");
      // A write while Redis is down cannot invalidate the cached page...
      assertThat(platform.post("/api/v1/orders", order).status()).isEqualTo(201);
      for (int i = 0; i < 6; i++) {
        platform.get("/api/v1/customers/" + customer + "/orders");
      }
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
        Response ready = platform.get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("DEGRADED");
        assertThat(redisState(ready)).startsWith("DOWN/");
      });
      assertThat(platform.get("/metrics").body())
          .contains("ecap_circuitbreaker_state{name=\"redis\",state=\"open\"} 1.0");
      Response fast = platform.get("/api/v1/customers/" + customer + "/orders");
      assertThat(fast.status()).isEqualTo(200);
      assertThat(fast.json().get("totalItems").asInt()).isEqualTo(2);
    } finally {
      platform.infra.redis().startServer();
    }
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      Response ready = platform.get("/health/ready");
      assertThat(ready.json().get("status").asText()).isEqualTo("UP");
      assertThat(redisState(ready)).isEqualTo("UP/CLOSED");
    });
    // ...so the cache is purged on recovery and never serves the stale page (the restarted Redis is empty here,
    // but a Redis that kept its data would otherwise answer with one order).
    Response recovered = platform.get("/api/v1/customers/" + customer + "/orders");
    assertThat(recovered.json().get("totalItems").asInt()).isEqualTo(2);
    await().atMost(Duration.ofSeconds(5)).until(() ->
        "HIT".equals(platform.get("/api/v1/customers/" + customer + "/orders").header("X-Cache")));
  }
}
