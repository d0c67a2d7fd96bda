package io.ecap.testrunner.suites.wire;

import java.time.Instant;
import java.util.UUID;

/**
 * Platform events as the v1 wire contract (system/core schemas) describes them, built as JSON text so that the
 * runner links no platform class. Record keys are customer ids (orders) or session ids (clickstream).
 */
public final class WireEvents {

  /** One event to publish: topic, record key, event id, type and JSON value. */
  public record Event(String topic, String key, UUID eventId, String type, String json) {
  }

  private WireEvents() {
  }

  /** An {@code order.placed} of one line: {@code quantity} x {@code unitPriceCents} of {@code productId}. */
  public static Event order(UUID eventId, UUID customerId, String currency, String productId, int quantity,
                            long unitPriceCents, Instant occurredAt) {
    UUID orderId = UUID.randomUUID();
    String at = occurredAt.toString();
    String json = "{\"eventId\":\"" + eventId + "\",\"eventType\":\"order.placed\",\"schemaVersion\":1,\"occurredAt\":\""
        + at + "\",\"correlationId\":null,\"traceId\":null,\"data\":{\"orderId\":\"" + orderId + "\",\"customerId\":\""
        + customerId + "\",\"status\":\"PLACED\",\"currency\":\"" + currency + "\",\"totalCents\":"
        + (quantity * unitPriceCents) + ",\"shippingCountry\":\"DE\",\"placedAt\":\"" + at + "\",\"items\":[{\"lineNo\":1,"
        + "\"productId\":\"" + productId + "\",\"quantity\":" + quantity + ",\"unitPriceCents\":" + unitPriceCents + "}]}}";
    return new Event("orders", customerId.toString(), eventId, "order.placed", json);
  }

  public static Event order(UUID customerId, String currency, String productId, int quantity, long unitPriceCents,
                            Instant occurredAt) {
    return order(UUID.randomUUID(), customerId, currency, productId, quantity, unitPriceCents, occurredAt);
  }

  /** A {@code clickstream.event} of {@code action} (PAGE_VIEW, ADD_TO_CART, ... PURCHASE) in {@code session}. */
  public static Event click(String session, String action, Instant occurredAt) {
    UUID eventId = UUID.randomUUID();
    String at = occurredAt.toString();
    String json = "{\"eventId\":\"" + eventId + "\",\"eventType\":\"clickstream.event\",\"schemaVersion\":1,"
        + "\"occurredAt\":\"" + at + "\",\"correlationId\":null,\"traceId\":null,\"data\":{\"sessionId\":\"" + session
        + "\",\"customerId\":null,\"action\":\"" + action + "\",\"page\":\"/suite\",\"productId\":null,\"orderId\":null,"
        + "\"country\":\"DE\",\"occurredAt\":\"" + at + "\"}}";
    return new Event("clickstream", session, eventId, "clickstream.event", json);
  }
}
