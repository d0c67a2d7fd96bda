package io.ecap.platform.services.api;

import java.util.List;

/** Body of POST /api/v1/orders. Ids and countries are strings here so that bad values get a field-named 400. */
public record OrderRequest(String customerId, List<Line> items, String shippingCountry, Payment payment) {

  /** A requested line: which product and how many. */
  public record Line(String productId, Integer quantity) {
  }

  /** How the order is paid: a card fingerprint (never a card number) and the card's billing country. */
  public record Payment(String cardFingerprint, String billingCountry) {
  }
}
