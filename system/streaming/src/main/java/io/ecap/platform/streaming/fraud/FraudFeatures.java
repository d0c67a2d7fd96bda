package io.ecap.platform.streaming.fraud;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The online feature vector of one order, in the fixed order of {@link #NAMES}. These names and definitions are the
 * contract with model training (the ML pipeline computes the same features offline):
 * <ul>
 *   <li>{@code customer_orders_10m}, {@code customer_orders_24h}: the customer's orders with event time in
 *       (t - 10 min, t] and (t - 24 h, t], this one included;</li>
 *   <li>{@code customer_cards_24h}: distinct card fingerprints the customer paid with in (t - 24 h, t];</li>
 *   <li>{@code card_customers_24h}: distinct customers who paid with this card in (t - 24 h, t];</li>
 *   <li>{@code amount_log}: ln(1 + order total in major units);</li>
 *   <li>{@code amount_to_customer_mean}: order total / mean of the customer's previous (up to 50, within 90 days)
 *       order totals; 1 without history;</li>
 *   <li>{@code customer_history_orders}: how many previous orders that mean is over;</li>
 *   <li>{@code billing_country_mismatch}, {@code shipping_country_mismatch}: 1 when the card's billing country /
 *       the shipping country differs from the customer's country, else 0;</li>
 *   <li>{@code account_age_days}: days from account creation to the order (fractional, >= 0).</li>
 * </ul>
 */
public record FraudFeatures(double[] values) {

  public static final List<String> NAMES = List.of("customer_orders_10m", "customer_orders_24h", "customer_cards_24h",
      "card_customers_24h", "amount_log", "amount_to_customer_mean", "customer_history_orders",
      "billing_country_mismatch", "shipping_country_mismatch", "account_age_days");

  public static final int CUSTOMER_ORDERS_10M = 0;
  public static final int CUSTOMER_ORDERS_24H = 1;
  public static final int CUSTOMER_CARDS_24H = 2;
  public static final int CARD_CUSTOMERS_24H = 3;
  public static final int AMOUNT_LOG = 4;
  public static final int AMOUNT_TO_CUSTOMER_MEAN = 5;
  public static final int CUSTOMER_HISTORY_ORDERS = 6;
  public static final int BILLING_COUNTRY_MISMATCH = 7;
  public static final int SHIPPING_COUNTRY_MISMATCH = 8;
  public static final int ACCOUNT_AGE_DAYS = 9;

  public FraudFeatures {
    if (values.length != NAMES.size()) {
      throw new IllegalArgumentException("expected " + NAMES.size() + " feature values, got " + values.length);
    }
  }

  public double get(int index) {
    return values[index];
  }

  /** By name, for decision events and logs. */
  public Map<String, Double> asMap() {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      map.put(NAMES.get(i), values[i]);
    }
    return map;
  }

  /** Index of a feature name, or -1. */
  public static int indexOf(String name) {
    return NAMES.indexOf(name);
  }
}
