package io.ecap.platform.streaming.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;

/**
 * Projects committed aggregate totals to Redis for live dashboards. Values are written as absolute totals (HSET,
 * ZADD), never increments, so writing a cell twice is harmless. While Redis is unreachable the latest total of each
 * cell waits here and is written when it is back ({@link #flush()} runs after each batch and on a timer); after a
 * restart {@code StreamingService} re-projects recent windows from PostgreSQL, so an outage loses nothing.
 */
public final class RedisAggregateProjection {

  private static final Logger LOG = LoggerFactory.getLogger(RedisAggregateProjection.class);
  private static final long TTL_SECONDS = Duration.ofDays(1).toSeconds();

  private final JedisPool redis;
  private final Map<AggregateKey, Long> pending = new HashMap<>();
  private final Counter failures;
  private Instant pendingWatermark;
  private volatile boolean healthy = true;

  public RedisAggregateProjection(JedisPool redis, MeterRegistry registry) {
    this.redis = redis;
    this.failures = Counter.builder("ecap_streaming_redis_write_failures").description(
        "Failed projections of aggregates to Redis (retried)").register(registry);
    Gauge.builder("ecap_streaming_redis_pending_cells", this, RedisAggregateProjection::pendingCells)
        .description("Aggregate cells committed in PostgreSQL and not yet in Redis").register(registry);
  }

  /** Queues the latest totals and tries to write everything pending. */
  public synchronized void publish(Map<AggregateKey, Long> totals, Instant watermark) {
    pending.putAll(totals);
    if (watermark != null) {
      pendingWatermark = watermark;
    }
    flush();
  }

  /** Writes what is pending; keeps it on failure. Returns whether Redis now has everything. */
  public synchronized boolean flush() {
    if (pending.isEmpty() && pendingWatermark == null) {
      return true;
    }
    try (Jedis jedis = redis.getResource()) {
      Pipeline p = jedis.pipelined();
      for (Map.Entry<AggregateKey, Long> e : pending.entrySet()) {
        AggregateKey k = e.getKey();
        String key = LiveAggregateKeys.cell(k.windowName(), k.metric(), k.windowStart());
        if (k.metric() == Metric.PRODUCT_UNITS) {
          p.zadd(key, e.getValue(), k.dimension());
        } else {
          p.hset(key, k.dimension(), Long.toString(e.getValue()));
        }
        p.expire(key, TTL_SECONDS);
        long start = k.windowStart().toEpochMilli();
        p.zadd(LiveAggregateKeys.windows(k.windowName()), start, Long.toString(start));
      }
      if (pendingWatermark != null) {
        p.set(LiveAggregateKeys.WATERMARK, Long.toString(pendingWatermark.toEpochMilli()));
      }
      p.sync();
      pending.clear();
      pendingWatermark = null;
      healthy = true;
      return true;
    } catch (RuntimeException e) {
      failures.increment();
      if (healthy) {
        LOG.warn("Redis unavailable for aggregates ({} cells pending): {}", pending.size(), e.toString());
      }
      healthy = false;
      return false;
    }
  }

  public synchronized int pendingCells() {
    return pending.size();
  }

  /** Whether the last write to Redis succeeded. */
  public boolean isHealthy() {
    return healthy;
  }
}
