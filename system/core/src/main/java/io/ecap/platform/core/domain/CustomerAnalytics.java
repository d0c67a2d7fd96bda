package io.ecap.platform.core.domain;

import java.time.Instant;
import java.util.UUID;

/** A customer's buying summary. Revenue counts every order that was not cancelled. */
public record CustomerAnalytics(UUID customerId, long orders, long revenueCents, long averageOrderCents,
                                Instant firstOrderAt, Instant lastOrderAt, String favouriteCategory) {
}
