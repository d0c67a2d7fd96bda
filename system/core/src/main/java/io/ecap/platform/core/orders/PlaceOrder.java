package io.ecap.platform.core.orders;

import java.util.List;
import java.util.UUID;

/** A validated request to place an order; prices come from the catalogue, not from the caller. */
public record PlaceOrder(UUID customerId, List<Line> items, String shippingCountry, String cardFingerprint,
                         String billingCountry) {

  public PlaceOrder {
    items = List.copyOf(items);
  }

  /** One requested line. */
  public record Line(UUID productId, int quantity) {
  }
}
