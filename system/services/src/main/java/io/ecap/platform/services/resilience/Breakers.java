package io.ecap.platform.services.resilience;

import io.ecap.platform.core.store.SqlStates;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * One circuit breaker per dependency. A breaker opens when half of the last calls (at least 4) failed because
 * the dependency was unreachable (a rejected query or a cache miss is not such a failure), stays open 2 s, then
 * lets one probe through. State is exported as {@code ecap_circuitbreaker_state{name,state}} (1 for the current
 * state) and calls as {@code ecap_circuitbreaker_calls_total{name,outcome}}.
 */
public final class Breakers {

  public static final String POSTGRESQL = "postgresql";
  public static final String REDIS = "redis";
  public static final String KAFKA = "kafka";

  private final CircuitBreaker postgresql;
  private final CircuitBreaker redis;
  private final CircuitBreaker kafka;

  public Breakers(MeterRegistry registry, Duration openFor) {
    postgresql = create(POSTGRESQL, SqlStates::isUnavailable, openFor, registry);
    redis = create(REDIS, e -> e instanceof JedisConnectionException || e.getCause() instanceof JedisConnectionException,
        openFor, registry);
    kafka = create(KAFKA, e -> true, openFor, registry);
  }

  private static CircuitBreaker create(String name, Predicate<Throwable> failure, Duration openFor, MeterRegistry registry) {
    CircuitBreaker breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(10)
        .minimumNumberOfCalls(4)
        .failureRateThreshold(50)
        .waitDurationInOpenState(openFor)
        .permittedNumberOfCallsInHalfOpenState(1)
        .automaticTransitionFromOpenToHalfOpenEnabled(true)
        .recordException(failure)
        .build());
    for (CircuitBreaker.State state : List.of(CircuitBreaker.State.CLOSED, CircuitBreaker.State.OPEN,
        CircuitBreaker.State.HALF_OPEN)) {
      Gauge.builder("ecap.circuitbreaker.state", breaker, b -> b.getState() == state ? 1 : 0)
          .description("1 when the dependency's circuit breaker is in this state")
          .tags("name", name, "state", state.name().toLowerCase()).register(registry);
    }
    Counter success = calls(registry, name, "success");
    Counter failed = calls(registry, name, "failure");
    Counter rejected = calls(registry, name, "not_permitted");
    breaker.getEventPublisher()
        .onSuccess(e -> success.increment())
        .onError(e -> failed.increment())
        .onCallNotPermitted(e -> rejected.increment());
    return breaker;
  }

  private static Counter calls(MeterRegistry registry, String name, String outcome) {
    return Counter.builder("ecap.circuitbreaker.calls").description("Calls through a dependency's circuit breaker")
        .tags("name", name, "outcome", outcome).register(registry);
  }

  public CircuitBreaker postgresql() {
    return postgresql;
  }

  public CircuitBreaker redis() {
    return redis;
  }

  public CircuitBreaker kafka() {
    return kafka;
  }

  public CircuitBreaker named(String name) {
    return switch (name) {
      case POSTGRESQL -> postgresql;
      case REDIS -> redis;
      case KAFKA -> kafka;
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** A call that may throw anything checked. */
  @FunctionalInterface
  public interface Call<T, E extends Exception> {
    T call() throws E;
  }

  /**
   * Runs a PostgreSQL call through its breaker. Unreachable-database errors and an open breaker become
   * {@link DependencyUnavailable}; other exceptions (constraint violations, business rejections) pass through.
   */
  public <T, E extends Exception> T database(Call<T, E> call) throws E {
    Callable<T> callable = call::call;
    try {
      return postgresql.executeCallable(callable);
    } catch (CallNotPermittedException e) {
      throw new DependencyUnavailable(POSTGRESQL, "PostgreSQL is unavailable (circuit open)", e);
    } catch (Exception e) {
      if (SqlStates.isUnavailable(e)) {
        throw new DependencyUnavailable(POSTGRESQL, "PostgreSQL is unavailable: " + e.getMessage(), e);
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      @SuppressWarnings("unchecked")
      E checked = (E) e;
      throw checked;
    }
  }
}
