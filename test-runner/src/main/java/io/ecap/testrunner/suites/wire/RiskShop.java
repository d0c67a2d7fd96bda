package io.ecap.testrunner.suites.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecap.testrunner.suites.Eventually;
import io.ecap.testrunner.suites.PlatformHttp;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Orders through the platform's API with the knobs fraud scoring looks at: the customer's country, the shipping
 * country, the card and its billing country, the amount; and the fraud decision the API then serves. Customers
 * made here are new accounts (created now), as the fraud model sees them.
 */
public final class RiskShop {

  public static final Duration DECIDED_WITHIN = Duration.ofSeconds(60);

  private final PlatformHttp http;

  public RiskShop(PlatformHttp http) {
    this.http = http;
  }

  public String customer(String country) {
    String unique = UUID.randomUUID().toString().substring(0, 13);
    PlatformHttp.Response r = http.postJson("/api/v1/customers", "{\"email\":\"risk-" + unique + "@example.com\","
        + "\"name\":\"Risk " + unique + "\",\"country\":\"" + country + "\"}");
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    return r.json().get("id").asText();
  }

  public String product(long priceCents, String currency) {
    String sku = "risk-" + UUID.randomUUID().toString().substring(0, 13);
    PlatformHttp.Response r = http.postJson("/api/v1/products", "{\"sku\":\"" + sku + "\",\"name\":\"Product " + sku
        + "\",\"category\":\"" + sku + "\",\"priceCents\":" + priceCents + ",\"currency\":\"" + currency + "\"}");
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    return r.json().get("id").asText();
  }

  /** Places an order of {@code quantity} x {@code product}; returns the order as the API answered. */
  public JsonNode order(String customer, String product, int quantity, String shippingCountry, String card,
                        String billingCountry) {
    PlatformHttp.Response r = http.postJson("/api/v1/orders", "{\"customerId\":\"" + customer + "\",\"items\":[{"
        + "\"productId\":\"" + product + "\",\"quantity\":" + quantity + "}],\"shippingCountry\":\"" + shippingCountry
        + "\",\"payment\":{\"cardFingerprint\":\"" + card + "\",\"billingCountry\":\"" + billingCountry + "\"}}");
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    return r.json();
  }

  public static String card() {
    return "card-" + UUID.randomUUID();
  }

  /** Waits for GET /api/v1/orders/{id}/fraud-decision to say DECIDED and returns it. */
  public JsonNode decision(String orderId) {
    AtomicReference<JsonNode> decided = new AtomicReference<>();
    Eventually.within(DECIDED_WITHIN, () -> {
      PlatformHttp.Response r = http.get("/api/v1/orders/" + orderId + "/fraud-decision");
      assertThat(r.status()).as("%s", r).isEqualTo(200);
      assertThat(r.json().path("status").asText()).as("fraud decision of %s", orderId).isEqualTo("DECIDED");
      decided.set(r.json());
    });
    return decided.get();
  }

  public static boolean hasReason(JsonNode decision, String reason) {
    for (JsonNode r : decision.path("reasons")) {
      if (r.asText().equals(reason)) {
        return true;
      }
    }
    return false;
  }
}
