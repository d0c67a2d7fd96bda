package io.ecap.platform.core.domain;

import java.time.Instant;
import java.util.UUID;

/** A catalogue item. Prices are in minor units (cents) of an ISO 4217 {@code currency}. */
public record Product(UUID id, String sku, String name, String category, long priceCents, String currency,
                      boolean active, Instant createdAt) {
}
