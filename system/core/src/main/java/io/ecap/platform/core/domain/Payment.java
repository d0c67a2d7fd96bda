package io.ecap.platform.core.domain;

import java.time.Instant;
import java.util.UUID;

/** The payment of one order. The card is known only by a fingerprint (never a card number). */
public record Payment(UUID id, UUID orderId, long amountCents, String currency, String cardFingerprint,
                      String billingCountry, PaymentStatus status, Instant createdAt) {
}
