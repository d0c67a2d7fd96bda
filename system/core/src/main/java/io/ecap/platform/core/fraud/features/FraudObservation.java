package io.ecap.platform.core.fraud.features;

import java.time.Instant;
import java.util.UUID;

/**
 * One paid order as the fraud features see it: the order, its payment's card and billing country, and the
 * customer's country and sign-up time. Built the same way from wire events online and from silver tables offline.
 */
public record FraudObservation(UUID orderId, UUID customerId, Instant at, long amountCents, String cardFingerprint,
                               String customerCountry, String shippingCountry, String billingCountry,
                               Instant accountCreatedAt) {

  /** What this order leaves behind in the customer's history for later orders. */
  public PriorOrder asPrior() {
    return new PriorOrder(at, amountCents, cardFingerprint);
  }
}
