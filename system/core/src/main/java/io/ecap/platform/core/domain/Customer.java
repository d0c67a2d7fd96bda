package io.ecap.platform.core.domain;

import java.time.Instant;
import java.util.UUID;

/** A shopper account. {@code country} is an ISO 3166-1 alpha-2 code. */
public record Customer(UUID id, String email, String name, String country, Instant createdAt) {
}
