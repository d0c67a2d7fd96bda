package io.ecap.platform.services.api;

/** Body of POST /api/v1/products; {@code active} defaults to true. */
public record ProductRequest(String sku, String name, String category, Long priceCents, String currency, Boolean active) {
}
