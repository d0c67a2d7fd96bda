package io.ecap.testrunner.suites.analytics;

import static io.ecap.testrunner.suites.lake.AnalyticsDb.CUTOFF;
import static io.ecap.testrunner.suites.lake.AnalyticsDb.SEEDED_PURCHASES;

/**
 * SQL oracles: what each analytics job must have computed, written independently in PostgreSQL over the
 * transactional tables (the same seeded orders the jobs read from the lake), each with the same columns as the
 * query over the job's table beside it. Dates are UTC days, as in the jobs.
 */
final class AnalyticsOracles {

  private AnalyticsOracles() {
  }

  private static final String DAY = "(created_at AT TIME ZONE 'UTC')::date";
  /** The jobs' reference date: the day after the newest non-cancelled order. */
  private static final String REFERENCE = "(SELECT max(" + DAY + ") + 1 FROM (" + SEEDED_PURCHASES + ") p)";

  /** RFM: quintiles as ceil(cume_dist * 5), recency older = lower, then the named segments (first match wins). */
  static final String RFM = "WITH c AS (SELECT customer_id, " + REFERENCE + " - max(" + DAY + ") AS recency_days, "
      + "count(*)::int AS frequency, sum(total_cents)::bigint AS monetary_cents FROM (" + SEEDED_PURCHASES + ") p "
      + "GROUP BY customer_id), s AS (SELECT c.*, ceil(cume_dist() OVER (ORDER BY recency_days DESC) * 5)::int AS r, "
      + "ceil(cume_dist() OVER (ORDER BY frequency) * 5)::int AS f, "
      + "ceil(cume_dist() OVER (ORDER BY monetary_cents) * 5)::int AS m FROM c) "
      + "SELECT customer_id, recency_days, frequency, monetary_cents, r, f, m, CASE "
      + "WHEN r >= 4 AND f >= 4 AND m >= 4 THEN 'Champions' WHEN r >= 3 AND f >= 4 THEN 'Loyal Customers' "
      + "WHEN r >= 4 AND frequency = 1 THEN 'New Customers' WHEN r >= 4 THEN 'Potential Loyalists' "
      + "WHEN r = 3 THEN 'Needs Attention' WHEN f >= 4 AND m >= 4 THEN 'Cannot Lose Them' "
      + "WHEN f >= 3 THEN 'At Risk' ELSE 'Hibernating' END AS segment FROM s";
  static final String RFM_TABLE = "SELECT customer_id, recency_days, frequency, monetary_cents, r_score::int, "
      + "f_score::int, m_score::int, segment FROM analytics_customer_rfm";

  /**
   * CLV inputs (exact) and the documented model's outputs (rates to 6 decimals, the prediction in whole cents):
   * orders_per_year = n / max(tenure, 30) * 365, p_active = exp(-recency / (3 * 365 / orders_per_year)),
   * predicted = average order * orders_per_year * p_active.
   */
  static final String CLV = "WITH b AS (SELECT customer_id, count(*)::int AS orders, sum(total_cents) AS revenue, "
      + REFERENCE + " - min(" + DAY + ") AS tenure_days, " + REFERENCE + " - max(" + DAY + ") AS recency_days "
      + "FROM (" + SEEDED_PURCHASES + ") p GROUP BY customer_id), "
      + "r AS (SELECT b.*, orders::float8 / greatest(tenure_days, 30) * 365.0 AS rate FROM b), "
      + "a AS (SELECT r.*, exp(-recency_days::float8 / (3 * 365.0 / rate)) AS p_active FROM r) "
      + "SELECT customer_id, orders, round(revenue::numeric / orders)::bigint AS avg_order_cents, tenure_days, "
      + "recency_days, round(rate::numeric, 6) AS orders_per_year, round(p_active::numeric, 6) AS p_active, "
      + "round(((revenue::float8 / orders) * rate * p_active)::numeric)::bigint AS predicted_12m_cents FROM a";
  static final String CLV_TABLE = "SELECT customer_id, orders, avg_order_cents, tenure_days, recency_days, "
      + "round(orders_per_year::numeric, 6), round(p_active::numeric, 6), predicted_12m_cents FROM analytics_customer_clv";

  /** Sold lines of seeded, non-cancelled orders. */
  private static final String SOLD = "SELECT i.order_id, i.product_id, i.quantity, i.unit_price_cents, o.customer_id "
      + "FROM order_items i JOIN (" + SEEDED_PURCHASES + ") o ON o.id = i.order_id";

  /** Product sales and revenue rank (ties by id), over the seeded products. */
  static final String PRODUCTS = "WITH s AS (SELECT product_id, count(DISTINCT order_id) AS orders, sum(quantity) AS units, "
      + "sum(quantity::bigint * unit_price_cents) AS revenue, count(DISTINCT customer_id) AS buyers FROM (" + SOLD
      + ") l GROUP BY product_id), a AS (SELECT p.id AS product_id, p.category, coalesce(s.orders, 0) AS orders, "
      + "coalesce(s.units, 0)::bigint AS units, coalesce(s.revenue, 0)::bigint AS revenue, coalesce(s.buyers, 0) AS buyers "
      + "FROM products p LEFT JOIN s ON s.product_id = p.id WHERE p.created_at < " + CUTOFF + ") "
      + "SELECT product_id, orders, units, revenue, buyers, "
      + "row_number() OVER (ORDER BY revenue DESC, product_id::text)::int AS revenue_rank, "
      + "row_number() OVER (PARTITION BY category ORDER BY revenue DESC, product_id::text)::int AS category_rank FROM a";
  static final String PRODUCTS_TABLE = "SELECT product_id, orders, units_sold, revenue_cents, distinct_customers, "
      + "revenue_rank, category_rank FROM analytics_product_performance";

  /** "Bought together": co-orders, confidence and lift of the top 5 per product (co-orders, lift, id), as the job keeps. */
  static final String RECOMMENDATIONS = "WITH b AS (SELECT DISTINCT order_id, product_id FROM (" + SOLD + ") l), "
      + "n AS (SELECT product_id, count(*) AS n FROM b GROUP BY product_id), "
      + "t AS (SELECT count(DISTINCT order_id)::float8 AS total FROM b), "
      + "p AS (SELECT x.product_id, y.product_id AS other, count(*) AS co FROM b x JOIN b y "
      + "ON x.order_id = y.order_id AND x.product_id <> y.product_id GROUP BY 1, 2), "
      + "s AS (SELECT p.*, p.co::float8 / na.n AS confidence, (p.co::float8 / na.n) / (nb.n / (SELECT total FROM t)) AS lift "
      + "FROM p JOIN n na ON na.product_id = p.product_id JOIN n nb ON nb.product_id = p.other), "
      + "r AS (SELECT s.*, row_number() OVER (PARTITION BY product_id ORDER BY co DESC, lift DESC, other::text) AS rank "
      + "FROM s) SELECT product_id, rank::int, other, co, round(confidence::numeric, 9), round(lift::numeric, 6) "
      + "FROM r WHERE rank <= 5";
  static final String RECOMMENDATIONS_TABLE = "SELECT product_id, rank::int, recommended_product_id, co_orders, "
      + "round(confidence::numeric, 9), round(lift::numeric, 6) FROM analytics_product_recommendations";

  /** Daily revenue per UTC day. */
  static final String DAILY_REVENUE = "SELECT " + DAY + " AS day, count(*) AS orders, count(DISTINCT customer_id) AS "
      + "customers, sum(total_cents)::bigint AS revenue, round(sum(total_cents)::numeric / count(*))::bigint AS avg "
      + "FROM (" + SEEDED_PURCHASES + ") p GROUP BY 1";
  static final String DAILY_REVENUE_TABLE = "SELECT day, orders, customers, revenue_cents, avg_order_cents "
      + "FROM analytics_daily_revenue";

  /** Monthly cohorts by first non-cancelled order, active customers N months later. */
  static final String COHORTS = "WITH m AS (SELECT DISTINCT customer_id, date_trunc('month', " + DAY + ")::date AS month "
      + "FROM (" + SEEDED_PURCHASES + ") p), f AS (SELECT customer_id, min(month) AS cohort FROM m GROUP BY 1), "
      + "z AS (SELECT cohort, count(*) AS size FROM f GROUP BY 1) "
      + "SELECT f.cohort, ((extract(year FROM m.month) - extract(year FROM f.cohort)) * 12 "
      + "+ extract(month FROM m.month) - extract(month FROM f.cohort))::int AS since, z.size, count(*) AS active "
      + "FROM m JOIN f USING (customer_id) JOIN z ON z.cohort = f.cohort GROUP BY 1, 2, 3";
  static final String COHORTS_TABLE = "SELECT cohort_month, months_since_first, cohort_size, active_customers "
      + "FROM analytics_cohort_retention";
}
