package io.ecap.platform.services.cache;

/** How a read was served: from Redis, from the database after a miss, or from the database with Redis bypassed. */
public enum CacheOutcome {
  HIT, MISS, BYPASS
}
