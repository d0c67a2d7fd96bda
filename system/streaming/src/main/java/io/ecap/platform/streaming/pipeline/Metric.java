package io.ecap.platform.streaming.pipeline;

import java.util.Locale;

/** The aggregated measures, with the dimension each is broken down by. */
public enum Metric {
  /** Order value in minor units, by currency. */
  REVENUE_CENTS,
  /** Orders placed (dimension {@code all}). */
  ORDERS,
  /** Units sold, by product id: the top products of a window. */
  PRODUCT_UNITS,
  /** Payments, by status (AUTHORIZED, DECLINED). */
  PAYMENTS,
  /** Clickstream events, by funnel step (PAGE_VIEW ... PURCHASE). */
  FUNNEL;

  /** The name used in PostgreSQL and Redis keys. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Metric ofKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
