package io.ecap.platform.core.domain;

/** Lifecycle of an order; the database has the same set as a CHECK constraint. */
public enum OrderStatus {
  PLACED, CONFIRMED, CANCELLED, REFUNDED
}
