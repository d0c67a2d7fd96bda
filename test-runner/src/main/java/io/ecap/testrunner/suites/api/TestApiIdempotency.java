package io.ecap.testrunner.suites.api;

import static io.ecap.testrunner.suites.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testrunner.suites.PlatformHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An Idempotency-Key replays the first order for the same body, and is refused for another body. */
@ApiSuite
class TestApiIdempotency {

  private final PlatformHttp http = Shop.recordingClient();
  private final Shop shop = new Shop(http);

  private long ordersOf(String customer) {
    return http.get("/api/v1/customers/" + customer + "/orders").json().path("totalItems").asLong();
  }

  @Test
  @Exercises({"POST /api/v1/orders", "GET /api/v1/customers/{customerId}/orders"})
  void theSameKeyAndBodyReplayTheFirstOrderAndCreateNothing() {
    String customer = shop.customer();
    String body = Shop.orderBody(customer, Map.of(shop.product(700), 3));
    Map<String, String> key = Map.of("Idempotency-Key", Shop.unique("order"));
    PlatformHttp.Response first = http.postJson("/api/v1/orders", body, key);
    assertThat(first.status()).as("%s", first).isEqualTo(201);
    assertThat(first.header("Idempotent-Replayed")).as("first answer of %s", first).isNull();
    PlatformHttp.Response again = http.postJson("/api/v1/orders", body, key);
    assertThat(again.status()).as("%s", again).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).as("%s", again).isEqualTo("true");
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(ordersOf(customer)).isEqualTo(1);
  }

  @Test
  @Exercises("POST /api/v1/orders")
  void theSameKeyWithAnotherBodyIsRefusedNamingTheKey() {
    String customer = shop.customer();
    String product = shop.product(700);
    Map<String, String> key = Map.of("Idempotency-Key", Shop.unique("order"));
    assertThat(http.postJson("/api/v1/orders", Shop.orderBody(customer, Map.of(product, 1)), key).status()).isEqualTo(201);
    assertProblem(http.postJson("/api/v1/orders", Shop.orderBody(customer, Map.of(product, 2)), key), 422,
        "Idempotency-Key");
    assertThat(ordersOf(customer)).isEqualTo(1);
  }

  @Test
  @Exercises("POST /api/v1/orders")
  void withoutAKeyEveryPostIsANewOrder() {
    String customer = shop.customer();
    String body = Shop.orderBody(customer, Map.of(shop.product(700), 1));
    String first = http.postJson("/api/v1/orders", body).json().path("id").asText();
    String second = http.postJson("/api/v1/orders", body).json().path("id").asText();
    assertThat(second).isNotEqualTo(first);
    assertThat(ordersOf(customer)).isEqualTo(2);
  }

  @Test
  @Exercises("POST /api/v1/orders")
  void anInvalidKeyIs400NamingTheKey() {
    String body = Shop.orderBody(shop.customer(), Map.of(shop.product(700), 1));
    assertProblem(http.postJson("/api/v1/orders", body, Map.of("Idempotency-Key", "k".repeat(256))), 400, "Idempotency-Key");
    assertProblem(http.postJson("/api/v1/orders", body, Map.of("Idempotency-Key", "two words")), 400, "Idempotency-Key");
  }
}
