package io.ecap.platform.core.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order with its lines. {@code totalCents} is always the sum of the line totals. */
public record Order(UUID id, UUID customerId, OrderStatus status, String currency, long totalCents,
                    String shippingCountry, Instant createdAt, List<OrderItem> items) {

  public Order {
    items = List.copyOf(items);
  }

  public static long totalOf(List<OrderItem> items) {
    return items.stream().mapToLong(OrderItem::lineTotalCents).sum();
  }
}
