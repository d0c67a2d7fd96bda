package io.ecap.platform.core.domain;

/** The fraud behaviours the generator labels (ground truth, as chargebacks would reveal later). */
public enum FraudPattern {
  /** Several orders by one customer within minutes. */
  VELOCITY_BURST,
  /** An account created minutes before a high-value order. */
  NEW_ACCOUNT_HIGH_VALUE,
  /** Card billing country differs from the customer's and the shipping country. */
  COUNTRY_MISMATCH,
  /** One customer paying with many distinct cards within a day. */
  MANY_CARDS
}
