package io.ecap.testrunner.suites.datalake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecap.testrunner.suites.lake.LandingFiles;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A small crafted dataset in the JSON Lines shapes the lake's batch ingestion reads (entity records for customers and
 * products; wire envelopes {@code {eventId, eventType, schemaVersion, occurredAt, correlationId, traceId, data}} for
 * orders, payments and clickstream), with data defects seeded one by one. Each defect is recorded with the
 * data-quality rule that must catch it and the number of silver rows it breaks, so the expected report is stated
 * here, never computed the way the rules compute it.
 *
 * <p>What reaches the rules is silver: bronze rows de-duplicated by event id (orders, payments and clickstream by the
 * envelope's eventId, customers and products by their id), first landing wins. So a duplicate order is a second
 * order event (its own eventId) with an order id already used; a line landed twice (the same eventId) is a
 * redelivery that silver removes, and no rule may count it. Customers and products cannot be duplicated this way
 * (their id is their event id): their uniqueness rules must pass.
 */
final class SeededDefects {

  static final int CUSTOMERS = 20;
  static final int PRODUCTS = 10;
  static final int ORDERS = 40;
  static final int CLICKS = 5;

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Recent, so the freshness rule (on ingestion time anyway) and event dates look like live data. */
  private static final Instant T0 = Instant.now().minus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

  private final LandingFiles files = new LandingFiles();
  private final Map<String, Long> failing = new LinkedHashMap<>();
  private final Map<String, Long> totals = new LinkedHashMap<>();

  /** Landing file lines by source (customers, products, orders, payments, clickstream). */
  LandingFiles files() {
    return files;
  }

  /** The rules the seeded defects break, with the number of silver rows each breaks. */
  Map<String, Long> failingRows() {
    return failing;
  }

  /** Silver rows per table once de-duplicated. */
  Map<String, Long> silverRows() {
    return totals;
  }

  private void seed(String rule, long rows) {
    failing.merge(rule, rows, Long::sum);
  }

  static SeededDefects build() {
    SeededDefects d = new SeededDefects();
    List<UUID> customers = d.customers();
    List<UUID> products = d.products();
    List<UUID> orders = d.orders(customers, products);
    d.payments(orders, customers);
    d.clicks(customers, products);
    return d;
  }

  private List<UUID> customers() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      UUID id = UUID.randomUUID();
      ids.add(id);
      ObjectNode c = JSON.createObjectNode().put("id", id.toString()).put("email", "crafted-" + i + "@example.com")
          .put("name", "Crafted Customer " + i).put("createdAt", T0.minus(Duration.ofDays(30)).toString());
      if (i == CUSTOMERS - 1) {
        c.putNull("country");
        seed("customers.country.complete", 1);
      } else {
        c.put("country", "DE");
      }
      files.line("customers", c.toString());
    }
    totals.put("customers", (long) CUSTOMERS);
    return ids;
  }

  private List<UUID> products() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < PRODUCTS; i++) {
      UUID id = UUID.randomUUID();
      ids.add(id);
      long price = 500 + 100L * i;
      if (i == PRODUCTS - 1) {
        price = 0;
        seed("products.price_cents.in_range", 1);
      }
      files.line("products", JSON.createObjectNode().put("id", id.toString()).put("sku", "CRAFTED-" + i).put("name", "Crafted " + i)
          .put("category", "crafted").put("priceCents", price).put("currency", "EUR").put("active", true)
          .put("createdAt", T0.minus(Duration.ofDays(60)).toString()).toString());
    }
    totals.put("products", (long) PRODUCTS);
    return ids;
  }

  /** Returns the order id of each silver order row, in order (two of them repeat an earlier id). */
  private List<UUID> orders(List<UUID> customers, List<UUID> products) {
    List<UUID> orderIds = new ArrayList<>();
    long items = 0;
    for (int i = 0; i < ORDERS; i++) {
      UUID orderId = UUID.randomUUID();
      if (i >= ORDERS - 2) {
        orderId = orderIds.get(i - (ORDERS - 2));
        seed("orders.order_id.unique", 1);
      }
      orderIds.add(orderId);
      String customer = customers.get(i % (CUSTOMERS - 1)).toString();
      if (i == 5) {
        customer = null;
        seed("orders.customer_id.complete", 1);
      } else if (i == 6 || i == 7) {
        customer = UUID.randomUUID().toString();
        seed("orders.customer_id.references_customers", 1);
      }
      ArrayNode lineItems = JSON.createArrayNode();
      long total = 0;
      for (int n = 0; n < i % 3 + 1; n++) {
        int quantity = 1 + n;
        String product = products.get((i + n) % PRODUCTS).toString();
        if (i == 10 && n == 0) {
          quantity = 0;
          seed("order_items.quantity.in_range", 1);
        }
        if (i == 11 && n == 0) {
          product = UUID.randomUUID().toString();
          seed("order_items.product_id.references_products", 1);
        }
        long unit = 250 + 10L * n;
        lineItems.addObject().put("lineNo", n + 1).put("productId", product).put("quantity", quantity)
            .put("unitPriceCents", unit);
        total += quantity * unit;
        items++;
      }
      if (i >= 12 && i <= 14) {
        total = -total;
        seed("orders.total_cents.in_range", 1);
      }
      Instant placed = T0.plus(Duration.ofMinutes(7L * i));
      ObjectNode data = JSON.createObjectNode().put("orderId", orderId.toString()).put("customerId", customer)
          .put("status", "PLACED").put("currency", "EUR").put("totalCents", total).put("shippingCountry", "DE")
          .put("placedAt", placed.toString());
      data.set("items", lineItems);
      files.event("orders", "order.placed", placed, data);
    }
    // A redelivery: the first order's line landed again under the same event id. Silver keeps one.
    files.line("orders", files.files().get("orders").get(0));
    totals.put("orders", (long) ORDERS);
    totals.put("order_items", items);
    return orderIds;
  }

  private void payments(List<UUID> orderIds, List<UUID> customers) {
    List<UUID> paymentIds = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      UUID paymentId = UUID.randomUUID();
      if (i == ORDERS - 1) {
        paymentId = paymentIds.get(0);
        seed("payments.payment_id.unique", 1);
      }
      paymentIds.add(paymentId);
      String order = orderIds.get(i).toString();
      if (i == 20) {
        order = UUID.randomUUID().toString();
        seed("payments.order_id.references_orders", 1);
      }
      String card = "card-crafted-" + (i % 7);
      if (i == 21) {
        card = null;
        seed("payments.card_fingerprint.complete", 1);
      }
      Instant at = T0.plus(Duration.ofMinutes(7L * i + 1));
      ObjectNode data = JSON.createObjectNode().put("paymentId", paymentId.toString()).put("orderId", order)
          .put("customerId", customers.get(i % CUSTOMERS).toString()).put("amountCents", 1_000 + 10L * i)
          .put("currency", "EUR").put("cardFingerprint", card).put("billingCountry", "DE").put("status", "AUTHORIZED")
          .put("createdAt", at.toString());
      files.event("payments", "payment.authorized", at, data);
    }
    totals.put("payments", (long) ORDERS);
  }

  private void clicks(List<UUID> customers, List<UUID> products) {
    String[] actions = {"PAGE_VIEW", "PRODUCT_VIEW", "ADD_TO_CART", "CHECKOUT", "PURCHASE"};
    UUID session = UUID.randomUUID();
    for (int i = 0; i < CLICKS; i++) {
      Instant at = T0.plus(Duration.ofSeconds(30L * i));
      ObjectNode data = JSON.createObjectNode().put("sessionId", session.toString())
          .put("customerId", customers.get(0).toString()).put("action", actions[i]).put("page", "/p/" + i)
          .put("productId", products.get(0).toString()).put("country", "DE").put("occurredAt", at.toString());
      data.putNull("orderId");
      files.event("clickstream", "clickstream.event", at, data);
    }
    totals.put("clickstream", (long) CLICKS);
  }
}
