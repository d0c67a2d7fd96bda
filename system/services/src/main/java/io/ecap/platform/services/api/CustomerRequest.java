package io.ecap.platform.services.api;

/** Body of POST /api/v1/customers. */
public record CustomerRequest(String email, String name, String country) {
}
