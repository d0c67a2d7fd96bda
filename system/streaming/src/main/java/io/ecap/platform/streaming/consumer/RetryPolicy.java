package io.ecap.platform.streaming.consumer;

import java.time.Duration;

/**
 * Bounded retries with exponential backoff for transient failures: attempt n (1-based) waits
 * {@code initialBackoff * 2^(n-1)}, capped at {@code maxBackoff}, before attempt n+1.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(2));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1");
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("backoffs must satisfy 0 <= initialBackoff <= maxBackoff");
    }
  }

  /** The wait after failed attempt {@code attempt} (1-based). */
  public Duration backoffAfter(int attempt) {
    long millis = initialBackoff.toMillis();
    for (int i = 1; i < attempt && millis < maxBackoff.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }
}
