package io.ecap.platform.analytics.quality;

import static io.ecap.platform.analytics.quality.Severity.CRITICAL;
import static io.ecap.platform.analytics.quality.Severity.WARNING;

import io.ecap.platform.analytics.lake.SilverTables;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The rules every silver build must meet before gold is computed from it. CRITICAL: what would make an analytics
 * result wrong (missing keys, duplicate orders, orphans, impossible values). WARNING: what deserves a look but
 * does not invalidate results (stale loads, drift, optional fields).
 */
public final class SilverRules {

  private SilverRules() {
  }

  public static List<QualityRule> all(Clock clock) {
    String o = SilverTables.ORDERS;
    String i = SilverTables.ORDER_ITEMS;
    String p = SilverTables.PAYMENTS;
    String c = SilverTables.CUSTOMERS;
    String pr = SilverTables.PRODUCTS;
    String cl = SilverTables.CLICKSTREAM;
    return List.of(
        new CompletenessRule(o, "order_id", CRITICAL),
        new CompletenessRule(o, "customer_id", CRITICAL),
        new CompletenessRule(o, "placed_at", CRITICAL),
        new UniquenessRule(o, CRITICAL, "order_id"),
        new RangeRule(o, "total_cents", 0, 100_000_000, CRITICAL),
        new ReferentialIntegrityRule(o, "customer_id", c, "customer_id", CRITICAL),
        new RangeRule(i, "quantity", 1, 1_000, CRITICAL),
        new ReferentialIntegrityRule(i, "product_id", pr, "product_id", CRITICAL),
        new UniquenessRule(p, CRITICAL, "payment_id"),
        new ReferentialIntegrityRule(p, "order_id", o, "order_id", CRITICAL),
        new CompletenessRule(p, "card_fingerprint", CRITICAL),
        new RangeRule(p, "amount_cents", 0, 100_000_000, CRITICAL),
        new UniquenessRule(c, CRITICAL, "customer_id"),
        new CompletenessRule(c, "country", WARNING),
        new UniquenessRule(pr, CRITICAL, "product_id"),
        new RangeRule(pr, "price_cents", 1, 100_000_000, CRITICAL),
        new CompletenessRule(cl, "session_id", WARNING),
        new FreshnessRule(o, "ingested_at", Duration.ofHours(24), WARNING, clock),
        new DistributionDriftRule(o, "total_cents", 0.25, WARNING),
        new DistributionDriftRule(p, "amount_cents", 0.25, WARNING));
  }
}
