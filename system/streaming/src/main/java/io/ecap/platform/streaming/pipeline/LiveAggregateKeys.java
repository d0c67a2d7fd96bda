package io.ecap.platform.streaming.pipeline;

import java.time.Instant;

/**
 * Redis keys of the live aggregates (a contract with dashboards and the streaming suite):
 * <ul>
 *   <li>{@code ecap:agg:<window>:<metric>:<startEpochMillis>} hash: dimension to value (revenue_cents by currency,
 *       orders under {@code all}, payments by status, funnel by step);</li>
 *   <li>{@code ecap:agg:<window>:top-products:<startEpochMillis>} sorted set: product id scored by units;</li>
 *   <li>{@code ecap:agg:<window>:windows} sorted set of window starts (epoch millis) that have data;</li>
 *   <li>{@code ecap:agg:watermark} the pipeline's event-time watermark (epoch millis).</li>
 * </ul>
 * Window names: {@code tumbling-1m}, {@code sliding-5m}. Window keys expire after a day (PostgreSQL keeps history).
 */
public final class LiveAggregateKeys {

  public static final String WATERMARK = "ecap:agg:watermark";

  private LiveAggregateKeys() {
  }

  public static String cell(String window, Metric metric, Instant start) {
    if (metric == Metric.PRODUCT_UNITS) {
      return topProducts(window, start);
    }
    return "ecap:agg:" + window + ':' + metric.key() + ':' + start.toEpochMilli();
  }

  public static String topProducts(String window, Instant start) {
    return "ecap:agg:" + window + ":top-products:" + start.toEpochMilli();
  }

  public static String windows(String window) {
    return "ecap:agg:" + window + ":windows";
  }
}
