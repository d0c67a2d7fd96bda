package io.ecap.platform.core.events;

import io.ecap.platform.core.domain.Order;
import io.ecap.platform.core.domain.OrderItem;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@code order.placed} on the {@code orders} topic (key: customer id, so a customer's orders stay in order). */
public record OrderPlaced(UUID orderId, UUID customerId, String status, String currency, long totalCents,
                          String shippingCountry, Instant placedAt, List<Line> items) {

  /** One order line. */
  public record Line(int lineNo, UUID productId, int quantity, long unitPriceCents) {
  }

  public static OrderPlaced of(Order order) {
    List<Line> lines = order.items().stream()
        .map((OrderItem i) -> new Line(i.lineNo(), i.productId(), i.quantity(), i.unitPriceCents())).toList();
    return new OrderPlaced(order.id(), order.customerId(), order.status().name(), order.currency(), order.totalCents(),
        order.shippingCountry(), order.createdAt(), lines);
  }
}
