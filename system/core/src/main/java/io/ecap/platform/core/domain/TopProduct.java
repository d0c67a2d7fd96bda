package io.ecap.platform.core.domain;

import java.util.UUID;

/** One row of the best-sellers ranking. */
public record TopProduct(int rank, UUID productId, String name, String category, long unitsSold, long revenueCents) {
}
