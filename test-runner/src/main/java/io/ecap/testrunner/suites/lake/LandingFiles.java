package io.ecap.testrunner.suites.lake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A crafted dataset in the lake's landing format (JSON Lines: customers and products as records, orders, payments
 * and clickstream as wire events; the format of the seeded landing files), built record by record, uploaded to a
 * scratch lake through {@link SparkJobRoutes#land} so a suite can run jobs on data it knows exactly.
 */
public final class LandingFiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, List<String>> files = new LinkedHashMap<>();

  public LandingFiles customer(UUID id, String country, Instant createdAt) {
    ObjectNode c = JSON.createObjectNode().put("id", id.toString()).put("email", "c-" + id + "@example.com")
        .put("name", "Customer " + id.toString().substring(0, 8)).put("country", country)
        .put("createdAt", createdAt.toString());
    return add("customers", c);
  }

  public LandingFiles product(UUID id, long priceCents, Instant createdAt) {
    ObjectNode p = JSON.createObjectNode().put("id", id.toString()).put("sku", "SKU-" + id.toString().substring(0, 8))
        .put("name", "Product " + id.toString().substring(0, 8)).put("category", "crafted").put("priceCents", priceCents)
        .put("currency", "EUR").put("active", true).put("createdAt", createdAt.toString());
    return add("products", p);
  }

  /** An order of {@code quantity} x one product at {@code unitPriceCents}; total = quantity x price. */
  public LandingFiles order(UUID orderId, UUID customerId, UUID productId, int quantity, long unitPriceCents,
                            String shippingCountry, Instant placedAt) {
    ObjectNode data = JSON.createObjectNode().put("orderId", orderId.toString())
        .put("customerId", customerId == null ? null : customerId.toString()).put("status", "CONFIRMED")
        .put("currency", "EUR").put("totalCents", quantity * unitPriceCents).put("shippingCountry", shippingCountry)
        .put("placedAt", placedAt.toString());
    data.putArray("items").addObject().put("lineNo", 1).put("productId", productId.toString())
        .put("quantity", quantity).put("unitPriceCents", unitPriceCents);
    return add("orders", event("order.placed", placedAt, data));
  }

  public LandingFiles payment(UUID paymentId, UUID orderId, UUID customerId, long amountCents, String card,
                              String billingCountry, Instant createdAt) {
    ObjectNode data = JSON.createObjectNode().put("paymentId", paymentId.toString()).put("orderId", orderId.toString())
        .put("customerId", customerId.toString()).put("amountCents", amountCents).put("currency", "EUR")
        .put("cardFingerprint", card).put("billingCountry", billingCountry).put("status", "AUTHORIZED")
        .put("createdAt", createdAt.toString());
    return add("payments", event("payment.authorized", createdAt, data));
  }

  public LandingFiles click(UUID customerId, String country, Instant at) {
    ObjectNode data = JSON.createObjectNode().put("sessionId", UUID.randomUUID().toString())
        .put("customerId", customerId.toString()).put("action", "PAGE_VIEW").put("page", "/").putNull("productId")
        .putNull("orderId").put("country", country).put("occurredAt", at.toString());
    return add("clickstream", event("clickstream.event", at, data));
  }

  public LandingFiles fraudLabel(UUID orderId, String pattern) {
    return add("fraud_labels", JSON.createObjectNode().put("orderId", orderId.toString()).put("pattern", pattern));
  }

  /** Uploads every file to the scratch lake {@code lake}; each upload must count its lines. */
  public void upload(SparkJobRoutes routes, String lake) {
    files.forEach((source, lines) -> assertThat(routes.land(lake, source, lines).path("lines").asInt())
        .as("lines of %s", source).isEqualTo(lines.size()));
  }

  /** A wire event of {@code type} (a new event id) around {@code data}, as a line of {@code source}. */
  public LandingFiles event(String source, String type, Instant at, ObjectNode data) {
    return add(source, event(type, at, data));
  }

  /** Any line as is (a record, or a line landing twice). */
  public LandingFiles line(String source, String line) {
    files.computeIfAbsent(source, s -> new ArrayList<>()).add(line);
    return this;
  }

  /** The lines of each source so far. */
  public Map<String, List<String>> files() {
    return files;
  }

  private static ObjectNode event(String type, Instant at, ObjectNode data) {
    ObjectNode e = JSON.createObjectNode().put("eventId", UUID.randomUUID().toString()).put("eventType", type)
        .put("schemaVersion", 1).put("occurredAt", at.toString()).putNull("correlationId").putNull("traceId");
    e.set("data", data);
    return e;
  }

  private LandingFiles add(String source, ObjectNode line) {
    return line(source, line.toString());
  }
}
