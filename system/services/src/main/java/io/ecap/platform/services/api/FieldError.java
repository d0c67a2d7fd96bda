package io.ecap.platform.services.api;

/** One rejected request field: its path (e.g. {@code items[0].quantity}) and what is wrong with it. */
public record FieldError(String field, String message) {
}
