package io.ecap.testrunner.suites.wire;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import redis.clients.jedis.Jedis;

/**
 * The streaming pipeline's live aggregates in Redis, by the documented keys:
 * {@code ecap:agg:<window>:<metric>:<startEpochMs>} hashes (dimension to value),
 * {@code ecap:agg:<window>:top-products:<start>} sorted sets and {@code ecap:agg:watermark}.
 */
public final class LiveAggregates implements AutoCloseable {

  public static final String TUMBLING = "tumbling-1m";
  public static final String SLIDING = "sliding-5m";
  private static final long MINUTE = 60_000;

  private final Jedis redis;

  public LiveAggregates(String redisUrl) {
    redis = new Jedis(URI.create(redisUrl));
  }

  /** Start of the one-minute window holding {@code eventTime}; also the latest sliding window that holds it. */
  public static long minuteOf(Instant eventTime) {
    return Math.floorDiv(eventTime.toEpochMilli(), MINUTE) * MINUTE;
  }

  /** The value of {@code dimension} in a window's hash of {@code metric} (revenue_cents, orders, payments, funnel). */
  public synchronized long value(String window, String metric, long start, String dimension) {
    String v = redis.hget("ecap:agg:" + window + ":" + metric + ":" + start, dimension);
    return v == null ? 0 : Long.parseLong(v);
  }

  /** Units of {@code productId} in the window's top products (0 when absent). */
  public synchronized long productUnits(String window, long start, String productId) {
    Double score = redis.zscore("ecap:agg:" + window + ":top-products:" + start, productId);
    return score == null ? 0 : Math.round(score);
  }

  /** Whether the window is listed in {@code ecap:agg:<window>:windows}. */
  public synchronized boolean listed(String window, long start) {
    return redis.zscore("ecap:agg:" + window + ":windows", Long.toString(start)) != null;
  }

  /** The pipeline's event-time watermark. */
  public synchronized Optional<Instant> watermark() {
    String v = redis.get("ecap:agg:watermark");
    return v == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(v.trim())));
  }

  @Override
  public synchronized void close() {
    redis.close();
  }
}
