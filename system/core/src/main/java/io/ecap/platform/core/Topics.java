package io.ecap.platform.core;

import java.util.List;

/** The Kafka topics of the platform: one place, shared by producers, consumers and environment setup. */
public final class Topics {

  public static final String ORDERS = "orders";
  public static final String PAYMENTS = "payments";
  public static final String CLICKSTREAM = "clickstream";
  public static final String FRAUD_DECISIONS = "fraud-decisions";
  public static final String FRAUD_ALERTS = "fraud-alerts";
  public static final String DEAD_LETTER = "dead-letter";

  /** Every topic the platform needs, in the order an environment creates them. */
  public static final List<String> ALL = List.of(ORDERS, PAYMENTS, CLICKSTREAM, FRAUD_DECISIONS, FRAUD_ALERTS, DEAD_LETTER);

  private Topics() {
  }

  /** Whether {@code name} is a legal Kafka topic name (what the broker accepts). */
  public static boolean isLegalName(String name) {
    return name != null && !name.isEmpty() && name.length() <= 249 && !name.equals(".") && !name.equals("..")
        && name.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '_' || c == '-');
  }
}
