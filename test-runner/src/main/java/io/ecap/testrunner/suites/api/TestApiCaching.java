package io.ecap.testrunner.suites.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testrunner.suites.Endpoints;
import io.ecap.testrunner.suites.PlatformDisruption;
import io.ecap.testrunner.suites.PlatformHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read-through cache as a client sees it (X-Cache): a first read is a MISS, the next a HIT with the same body,
 * and a write invalidates what it changed. Runs while no other shard has a dependency cut off.
 */
@ApiSuite
class TestApiCaching {

  private final PlatformHttp http = Shop.recordingClient();
  private final Shop shop = new Shop(http);
  private PlatformDisruption.Hold undisturbed;

  @BeforeEach
  void holdOffDisruptions() {
    undisturbed = new PlatformDisruption(Endpoints.fromEnvironment()).shared();
  }

  @AfterEach
  void release() {
    undisturbed.close();
  }

  private PlatformHttp.Response read(String path, String expectedCache) {
    PlatformHttp.Response response = http.get(path);
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    assertThat(response.header("X-Cache")).as("X-Cache of %s", response).isEqualTo(expectedCache);
    return response;
  }

  /**
   * The ranking is one cache entry for every category, dropped by any order anywhere (other shards place orders
   * too): a HIT within a few reads, not necessarily the second.
   */
  private PlatformHttp.Response rankingHit(String path) {
    PlatformHttp.Response response = http.get(path);
    for (int attempt = 0; attempt < 5 && !"HIT".equals(response.header("X-Cache")); attempt++) {
      response = http.get(path);
    }
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    assertThat(response.header("X-Cache")).as("X-Cache of %s after repeated reads", response).isEqualTo("HIT");
    return response;
  }

  @Test
  @Exercises({"GET /api/v1/customers/{customerId}", "GET /api/v1/products/{productId}", "GET /api/v1/orders/{orderId}"})
  void entitiesAreAMissThenAHitWithTheSameBody() {
    String customer = shop.customer();
    String product = shop.product(990);
    String order = shop.order(customer, product, 1).path("id").asText();
    for (String path : new String[] {"/api/v1/customers/" + customer, "/api/v1/products/" + product,
        "/api/v1/orders/" + order}) {
      PlatformHttp.Response miss = read(path, "MISS");
      PlatformHttp.Response hit = read(path, "HIT");
      assertThat(hit.json()).as(path).isEqualTo(miss.json());
    }
  }

  @Test
  @Exercises({"GET /api/v1/customers/{customerId}/orders", "GET /api/v1/customers/{customerId}/analytics",
      "POST /api/v1/orders"})
  void aNewOrderInvalidatesTheCustomersCachedOrdersAndAnalytics() {
    String customer = shop.customer();
    String product = shop.product(1500);
    shop.order(customer, product, 1);
    String orders = "/api/v1/customers/" + customer + "/orders";
    String analytics = "/api/v1/customers/" + customer + "/analytics";
    read(orders, "MISS");
    assertThat(read(orders, "HIT").json().path("totalItems").asLong()).isEqualTo(1);
    read(analytics, "MISS");
    assertThat(read(analytics, "HIT").json().path("revenueCents").asLong()).isEqualTo(1500);

    shop.order(customer, product, 2);
    assertThat(read(orders, "MISS").json().path("totalItems").asLong()).as("orders after the write").isEqualTo(2);
    assertThat(read(analytics, "MISS").json().path("revenueCents").asLong()).as("revenue after the write").isEqualTo(4500);
    read(orders, "HIT");
  }

  @Test
  @Exercises({"GET /api/v1/products/{productId}/analytics", "GET /api/v1/analytics/top-products"})
  void aNewOrderInvalidatesProductAnalyticsAndTheRanking() {
    String category = Shop.unique("cached");
    String product = shop.newProduct(category, 2000).path("id").asText();
    String analytics = "/api/v1/products/" + product + "/analytics";
    String ranking = "/api/v1/analytics/top-products?category=" + category;
    read(analytics, "MISS");
    assertThat(read(analytics, "HIT").json().path("unitsSold").asLong()).isZero();
    assertThat(rankingHit(ranking).json().path("products")).isEmpty();

    shop.order(shop.customer(), product, 4);
    assertThat(read(analytics, "MISS").json().path("unitsSold").asLong()).isEqualTo(4);
    PlatformHttp.Response ranked = http.get(ranking);
    assertThat(ranked.header("X-Cache")).as("%s", ranked).isEqualTo("MISS");
    assertThat(ranked.json().path("products").get(0).path("productId").asText()).isEqualTo(product);
  }
}
