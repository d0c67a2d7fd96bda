package io.ecap.platform.services.infra.embedded;

import io.ecap.platform.services.config.PlatformEndpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Kafka, PostgreSQL and Redis in-process (started in parallel), with the platform's topics created. */
public final class EmbeddedInfrastructure implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

  private final EmbeddedKafka kafka;
  private final EmbeddedPostgresServer postgres;
  private final EmbeddedRedisServer redis;

  private EmbeddedInfrastructure(EmbeddedKafka kafka, EmbeddedPostgresServer postgres, EmbeddedRedisServer redis) {
    this.kafka = kafka;
    this.postgres = postgres;
    this.redis = redis;
  }

  public static EmbeddedInfrastructure start() throws Exception {
    CompletableFuture<EmbeddedKafka> kafka = CompletableFuture.supplyAsync(() -> call(EmbeddedKafka::start));
    CompletableFuture<EmbeddedPostgresServer> postgres = CompletableFuture.supplyAsync(() -> call(EmbeddedPostgresServer::start));
    CompletableFuture<EmbeddedRedisServer> redis = CompletableFuture.supplyAsync(() -> call(EmbeddedRedisServer::start));
    try {
      CompletableFuture.allOf(kafka, postgres, redis).join();
    } catch (CompletionException e) {
      // Stop whatever did start, then report the first failure.
      List<AutoCloseable> started = new ArrayList<>();
      for (CompletableFuture<? extends AutoCloseable> f : List.of(kafka, postgres, redis)) {
        if (!f.isCompletedExceptionally()) {
          started.add(f.join());
        }
      }
      for (AutoCloseable c : started) {
        closeQuietly(c);
      }
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    return new EmbeddedInfrastructure(kafka.join(), postgres.join(), redis.join());
  }

  private interface Starter<T> {
    T start() throws Exception;
  }

  private static <T> T call(Starter<T> starter) {
    try {
      return starter.start();
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  public PlatformEndpoints endpoints() {
    return new PlatformEndpoints(kafka.bootstrapServers(), postgres.jdbcUrl(), EmbeddedPostgresServer.USER,
        EmbeddedPostgresServer.PASSWORD, redis.url());
  }

  public EmbeddedRedisServer redis() {
    return redis;
  }

  public EmbeddedKafka kafka() {
    return kafka;
  }

  @Override
  public void close() {
    closeQuietly(kafka);
    closeQuietly(redis);
    closeQuietly(postgres);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("stopping {} failed: {}", c.getClass().getSimpleName(), e.toString());
    }
  }
}
