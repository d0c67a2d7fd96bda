package io.ecap.testrunner.suites.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecap.testrunner.suites.PlatformHttp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pages partition a listing: no item twice, none missing, in the documented order, with the total. */
@ApiSuite
class TestApiPaging {

  private final PlatformHttp http = Shop.recordingClient();
  private final Shop shop = new Shop(http);

  private List<JsonNode> pages(String path, int size, long expectedTotal, int expectedPages) {
    List<JsonNode> items = new ArrayList<>();
    for (int page = 0; page <= expectedPages; page++) {
      PlatformHttp.Response response = http.get(path + (path.contains("?") ? "&" : "?") + "page=" + page + "&size=" + size);
      assertThat(response.status()).as("%s", response).isEqualTo(200);
      JsonNode body = response.json();
      assertThat(body.path("page").asInt()).isEqualTo(page);
      assertThat(body.path("size").asInt()).isEqualTo(size);
      assertThat(body.path("totalItems").asLong()).as("total of %s", response).isEqualTo(expectedTotal);
      int expectedOnPage = (int) Math.max(0, Math.min(size, expectedTotal - (long) page * size));
      assertThat(body.path("items")).as("items of %s", response).hasSize(expectedOnPage);
      body.path("items").forEach(items::add);
    }
    return items;
  }

  @Test
  @Exercises("GET /api/v1/customers/{customerId}/orders")
  void aCustomersOrdersArePagedNewestFirstWithoutOverlap() {
    String customer = shop.customer();
    String product = shop.product(300);
    List<String> placed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      placed.add(shop.order(customer, product, i + 1).path("id").asText());
    }
    List<JsonNode> items = pages("/api/v1/customers/" + customer + "/orders", 2, 5, 3);
    List<String> ids = items.stream().map(o -> o.path("id").asText()).toList();
    assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(placed);
    assertThat(items).allSatisfy(o -> assertThat(o.path("customerId").asText()).isEqualTo(customer));
    assertThat(items.stream().map(o -> java.time.Instant.parse(o.path("createdAt").asText())).toList())
        .as("newest first").isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  @Exercises("GET /api/v1/products")
  void productsOfACategoryArePagedBySku() {
    String category = Shop.unique("paged");
    List<String> skus = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      skus.add(shop.newProduct(category, 100 + i).path("sku").asText());
    }
    List<JsonNode> items = pages("/api/v1/products?category=" + category, 2, 3, 2);
    assertThat(items.stream().map(p -> p.path("sku").asText()).toList()).containsExactlyElementsOf(skus.stream().sorted().toList());
  }

  @Test
  @Exercises("GET /api/v1/products")
  void theDefaultPageSizeIs20AndAPageBeyondTheEndIsEmpty() {
    JsonNode first = http.get("/api/v1/products").json();
    assertThat(first.path("page").asInt()).isZero();
    assertThat(first.path("size").asInt()).isEqualTo(20);
    assertThat(first.path("items").size()).isLessThanOrEqualTo(20);
    long total = first.path("totalItems").asLong();
    JsonNode beyond = http.get("/api/v1/products?size=100&page=" + (total / 100 + 1)).json();
    assertThat(beyond.path("items")).isEmpty();
    assertThat(beyond.path("totalItems").asLong()).isGreaterThanOrEqualTo(total);
  }
}
