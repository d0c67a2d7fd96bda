package io.ecap.platform.core.domain;

import java.util.UUID;

/** One line of an order; the unit price is the product's price when the order was placed. */
public record OrderItem(int lineNo, UUID productId, int quantity, long unitPriceCents) {

  public long lineTotalCents() {
    return unitPriceCents * quantity;
  }
}
