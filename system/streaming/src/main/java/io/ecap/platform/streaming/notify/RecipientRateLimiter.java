package io.ecap.platform.streaming.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * At most N deliveries per recipient per clock minute, counted in Redis ({@code ecap:notify:rate:<recipient>:<minute>})
 * so that every instance of the service shares the budget. Fails open: with Redis down an alert is delivered rather
 * than held back (fraud alerts matter more than a flood), and the bypass is counted.
 */
public final class RecipientRateLimiter {

  private final JedisPool redis;
  private final int perMinute;
  private final Clock clock;
  private final Counter bypassed;

  public RecipientRateLimiter(JedisPool redis, int perMinute, Clock clock, MeterRegistry registry) {
    this.redis = redis;
    this.perMinute = perMinute;
    this.clock = clock;
    this.bypassed = Counter.builder("ecap_notification_rate_limit_bypassed")
        .description("Deliveries let through unchecked because Redis was unavailable").register(registry);
  }

  /** Takes one unit of the recipient's budget for this minute; false when it is spent. */
  public boolean tryAcquire(String recipient) {
    long minute = clock.millis() / 60_000;
    String key = "ecap:notify:rate:" + recipient + ':' + minute;
    try (Jedis jedis = redis.getResource()) {
      Pipeline p = jedis.pipelined();
      Response<Long> used = p.incr(key);
      p.expire(key, 120);
      p.sync();
      return used.get() <= perMinute;
    } catch (RuntimeException e) {
      bypassed.increment();
      return true;
    }
  }
}
