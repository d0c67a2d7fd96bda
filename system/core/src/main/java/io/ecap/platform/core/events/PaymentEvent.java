package io.ecap.platform.core.events;

import io.ecap.platform.core.domain.Payment;
import java.time.Instant;
import java.util.UUID;

/** Payload of {@code payment.authorized} and {@code payment.declined} on the {@code payments} topic (key: customer id). */
public record PaymentEvent(UUID paymentId, UUID orderId, UUID customerId, long amountCents, String currency,
                           String cardFingerprint, String billingCountry, String status, Instant createdAt) {

  public static PaymentEvent of(Payment payment, UUID customerId) {
    return new PaymentEvent(payment.id(), payment.orderId(), customerId, payment.amountCents(), payment.currency(),
        payment.cardFingerprint(), payment.billingCountry(), payment.status().name(), payment.createdAt());
  }

  public String eventType() {
    return "DECLINED".equals(status) ? EventTypes.PAYMENT_DECLINED : EventTypes.PAYMENT_AUTHORIZED;
  }
}
