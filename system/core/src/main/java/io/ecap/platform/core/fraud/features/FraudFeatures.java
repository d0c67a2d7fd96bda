package io.ecap.platform.core.fraud.features;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fraud features: ONE definition, used online by the fraud service (history from its per-customer windows)
 * and mirrored column for column by the lake's feature job (Spark window functions), which a parity test holds
 * to this class. Windows are half-open on event time, {@code [t - window, t)}: an order never sees itself, and
 * orders at exactly the same millisecond do not see each other, whichever arrives first.
 */
public final class FraudFeatures {

  public static final Duration VELOCITY_WINDOW = Duration.ofMinutes(10);
  public static final Duration CARD_WINDOW = Duration.ofHours(24);
  public static final Duration AMOUNT_WINDOW = Duration.ofDays(30);
  /** How much history a serving store must keep per customer. */
  public static final Duration HISTORY = AMOUNT_WINDOW;

  /** Feature names, in vector order (exported models carry them and are checked against this list). */
  public static final List<String> NAMES = List.of(
      "orders_last_10m",          // earlier orders of the customer within 10 minutes (velocity bursts)
      "distinct_cards_24h",       // distinct cards over the last 24 h, this order's card included (many cards)
      "account_age_hours_log",    // log1p(hours since sign-up) (new account high value)
      "billing_country_mismatch", // 1 when the card's billing country is not the customer's
      "shipping_country_mismatch",// 1 when the shipping country is not the customer's
      "amount_log",               // log1p(amount in currency units)
      "amount_to_avg_30d_log");   // log1p(amount / mean of the customer's earlier 30-day amounts), log1p(1) without history

  private FraudFeatures() {
  }

  /** The feature vector of {@code order} given the customer's earlier orders (any order, any age: filtered here). */
  public static double[] compute(FraudObservation order, Collection<PriorOrder> history) {
    long t = order.at().toEpochMilli();
    long velocityFrom = t - VELOCITY_WINDOW.toMillis();
    long cardsFrom = t - CARD_WINDOW.toMillis();
    long amountFrom = t - AMOUNT_WINDOW.toMillis();
    int recent = 0;
    Set<String> cards = new HashSet<>();
    cards.add(order.cardFingerprint());
    long amountSum = 0;
    int amountCount = 0;
    for (PriorOrder p : history) {
      long at = p.at().toEpochMilli();
      if (at >= t) {
        continue;
      }
      if (at >= velocityFrom) {
        recent++;
      }
      if (at >= cardsFrom) {
        cards.add(p.cardFingerprint());
      }
      if (at >= amountFrom) {
        amountSum += p.amountCents();
        amountCount++;
      }
    }
    double ratio = amountCount == 0 ? 1.0 : order.amountCents() / ((double) amountSum / amountCount);
    long ageMillis = Math.max(0L, t - order.accountCreatedAt().toEpochMilli());
    return new double[] {
        recent,
        cards.size(),
        Math.log1p(ageMillis / 3_600_000.0),
        order.billingCountry().equals(order.customerCountry()) ? 0.0 : 1.0,
        order.shippingCountry().equals(order.customerCountry()) ? 0.0 : 1.0,
        Math.log1p(order.amountCents() / 100.0),
        Math.log1p(ratio)};
  }
}
