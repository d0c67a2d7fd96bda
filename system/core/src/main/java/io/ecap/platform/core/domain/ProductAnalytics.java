package io.ecap.platform.core.domain;

import java.time.Instant;
import java.util.UUID;

/** A product's sales summary over orders that were not cancelled. */
public record ProductAnalytics(UUID productId, long orders, long unitsSold, long revenueCents, long distinctCustomers,
                               Instant lastSoldAt) {
}
