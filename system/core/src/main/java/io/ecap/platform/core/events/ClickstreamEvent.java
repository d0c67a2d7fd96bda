package io.ecap.platform.core.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code clickstream.event} on the {@code clickstream} topic (key: session id). {@code customerId}
 * is null for anonymous visitors; {@code productId} is set for product views, cart adds and purchases.
 */
public record ClickstreamEvent(UUID sessionId, UUID customerId, Action action, String page, UUID productId,
                               UUID orderId, String country, Instant occurredAt) {

  /** The funnel steps, in funnel order. */
  public enum Action {
    PAGE_VIEW, PRODUCT_VIEW, ADD_TO_CART, CHECKOUT, PURCHASE
  }
}
