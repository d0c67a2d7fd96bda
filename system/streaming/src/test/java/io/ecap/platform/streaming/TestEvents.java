package io.ecap.platform.streaming;

import io.ecap.platform.core.events.ClickstreamEvent;
import io.ecap.platform.core.events.EventEnvelope;
import io.ecap.platform.core.events.EventTypes;
import io.ecap.platform.core.events.OrderPlaced;
import io.ecap.platform.core.events.PaymentEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Hand-made wire events with chosen ids, times and amounts. */
public final class TestEvents {

  private TestEvents() {
  }

  public static EventEnvelope<OrderPlaced> order(UUID orderId, UUID customerId, Instant at, long totalCents,
                                                 UUID productId, int quantity) {
    OrderPlaced data = new OrderPlaced(orderId, customerId, "PLACED", "EUR", totalCents, "DE", at,
        List.of(new OrderPlaced.Line(1, productId, quantity, totalCents / quantity)));
    return new EventEnvelope<>(UUID.randomUUID(), EventTypes.ORDER_PLACED, 1, at, null, null, data);
  }

  public static EventEnvelope<OrderPlaced> order(Instant at, long totalCents) {
    return order(UUID.randomUUID(), UUID.randomUUID(), at, totalCents, UUID.randomUUID(), 1);
  }

  public static EventEnvelope<PaymentEvent> payment(UUID orderId, UUID customerId, Instant at, long amountCents,
                                                    String card, String billingCountry) {
    PaymentEvent data = new PaymentEvent(UUID.randomUUID(), orderId, customerId, amountCents, "EUR", card,
        billingCountry, "AUTHORIZED", at);
    return new EventEnvelope<>(UUID.randomUUID(), EventTypes.PAYMENT_AUTHORIZED, 1, at, null, null, data);
  }

  public static EventEnvelope<ClickstreamEvent> click(UUID session, ClickstreamEvent.Action action, Instant at) {
    ClickstreamEvent data = new ClickstreamEvent(session, null, action, "/p", null, null, "DE", at);
    return new EventEnvelope<>(UUID.randomUUID(), EventTypes.CLICKSTREAM, 1, at, null, null, data);
  }
}
