package io.ecap.platform.core.orders;

/** An Idempotency-Key was reused with a different request body. */
public final class IdempotencyConflict extends Exception {

  public IdempotencyConflict(String key) {
    super("Idempotency-Key '" + key + "' was already used with a different request body");
  }
}
