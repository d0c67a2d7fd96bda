package io.ecap.platform.services.cache;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Read-through cache of serialized JSON responses in Redis. An entry is a Redis hash under
 * {@code ecap:cache:<name>:<id>} (one field per variant, e.g. a page), so one DEL invalidates every variant.
 *
 * <p>Redis is optional for correctness: when it fails (or its breaker is open) reads go to the loader and are
 * reported as {@link CacheOutcome#BYPASS}. An invalidation that could not reach Redis leaves the cache possibly
 * stale, so the whole cache namespace is purged before it is used again.
 */
public final class ReadThroughCache {

  /** Loads the JSON body from the source of truth; null when the entity does not exist (not cached). */
  @FunctionalInterface
  public interface Loader<E extends Exception> {
    String load() throws E;
  }

  private static final Logger LOG = LoggerFactory.getLogger(ReadThroughCache.class);
  private static final String PREFIX = "ecap:cache:";

  private final JedisPool pool;
  private final CircuitBreaker breaker;
  private final MeterRegistry registry;
  private final AtomicBoolean purgeNeeded = new AtomicBoolean();

  public ReadThroughCache(JedisPool pool, CircuitBreaker breaker, MeterRegistry registry) {
    this.pool = pool;
    this.breaker = breaker;
    this.registry = registry;
  }

  public static String key(String cache, Object id) {
    return PREFIX + cache + ':' + id;
  }

  public <E extends Exception> CachedValue get(String cache, Object id, String variant, Duration ttl, Loader<E> loader)
      throws E {
    String key = key(cache, id);
    String cached;
    try {
      cached = breaker.executeCallable(() -> {
        try (Jedis jedis = pool.getResource()) {
          purgeIfNeeded(jedis);
          return jedis.hget(key, variant);
        }
      });
    } catch (Exception e) {
      return bypass(cache, loader, e);
    }
    if (cached != null) {
      count(cache, CacheOutcome.HIT);
      return new CachedValue(cached, CacheOutcome.HIT);
    }
    String loaded = loader.load();
    if (loaded != null) {
      try {
        breaker.executeCallable(() -> {
          try (Jedis jedis = pool.getResource()) {
            jedis.hset(key, variant, loaded);
            jedis.pexpire(key, ttl.toMillis());
          }
          return null;
        });
      } catch (Exception e) {
        LOG.debug("cache fill of {} failed: {}", key, e.toString());
      }
    }
    count(cache, CacheOutcome.MISS);
    return new CachedValue(loaded, CacheOutcome.MISS);
  }

  private <E extends Exception> CachedValue bypass(String cache, Loader<E> loader, Exception cause) throws E {
    if (!(cause instanceof CallNotPermittedException)) {
      LOG.debug("cache read bypassed: {}", cause.toString());
    }
    count(cache, CacheOutcome.BYPASS);
    return new CachedValue(loader.load(), CacheOutcome.BYPASS);
  }

  /** Drops the entries (all variants) of these keys; remembers to purge everything if Redis cannot be reached. */
  public void invalidate(Collection<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    try {
      breaker.executeCallable(() -> {
        try (Jedis jedis = pool.getResource()) {
          jedis.del(keys.toArray(String[]::new));
        }
        return null;
      });
    } catch (Exception e) {
      purgeNeeded.set(true);
      LOG.warn("cache invalidation failed ({}); the cache will be purged when Redis is back", e.toString());
    }
  }

  public void invalidate(String key) {
    invalidate(List.of(key));
  }

  private void purgeIfNeeded(Jedis jedis) {
    if (!purgeNeeded.get()) {
      return;
    }
    String cursor = ScanParams.SCAN_POINTER_START;
    ScanParams match = new ScanParams().match(PREFIX + "*").count(500);
    do {
      ScanResult<String> page = jedis.scan(cursor, match);
      if (!page.getResult().isEmpty()) {
        jedis.unlink(page.getResult().toArray(String[]::new));
      }
      cursor = page.getCursor();
    } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    purgeNeeded.set(false);
    LOG.info("cache purged after missed invalidations");
  }

  private void count(String cache, CacheOutcome outcome) {
    Counter.builder("ecap.cache.requests").description("Cache lookups by cache and result")
        .tags("cache", cache, "result", outcome.name().toLowerCase()).register(registry).increment();
  }
}
