package io.ecap.platform.core.domain;

/** Outcome of a card authorisation. */
public enum PaymentStatus {
  AUTHORIZED, DECLINED, REFUNDED
}
