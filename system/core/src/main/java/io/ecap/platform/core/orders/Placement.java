package io.ecap.platform.core.orders;

import io.ecap.platform.core.domain.Order;

/** The result of placing an order: the order, and whether it was an earlier request replayed by its Idempotency-Key. */
public record Placement(Order order, boolean replayed) {
}
