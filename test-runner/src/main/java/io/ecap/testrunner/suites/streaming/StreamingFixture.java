package io.ecap.testrunner.suites.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testrunner.suites.Endpoint;
import io.ecap.testrunner.suites.Endpoints;
import io.ecap.testrunner.suites.Eventually;
import io.ecap.testrunner.suites.Exposition;
import io.ecap.testrunner.suites.PlatformHttp;
import io.ecap.testrunner.suites.wire.EventPublisher;
import io.ecap.testrunner.suites.wire.LiveAggregates;
import io.ecap.testrunner.suites.wire.PlatformDb;
import java.time.Duration;
import java.util.Map;

/** What the streaming tests share: a publisher, the live aggregates, the history tables, the service's metrics. */
final class StreamingFixture implements AutoCloseable {

  static final Duration AGGREGATED_WITHIN = Duration.ofSeconds(60);

  final Endpoints endpoints = Endpoints.fromEnvironment();
  final EventPublisher publisher = new EventPublisher(endpoints.require(Endpoint.KAFKA));
  final LiveAggregates redis = new LiveAggregates(endpoints.require(Endpoint.REDIS));
  final PlatformDb db = new PlatformDb(endpoints);

  /** Waits until Redis and PostgreSQL both hold exactly {@code expected} for the window's dimension. */
  void awaitExact(String window, String metric, long start, String dimension, long expected) {
    Eventually.within(AGGREGATED_WITHIN, () -> {
      assertThat(redis.value(window, metric, start, dimension)).as("Redis %s %s %d %s", window, metric, start, dimension)
          .isEqualTo(expected);
      assertThat(db.windowValue(window, metric, start, dimension)).as("PostgreSQL %s %s %d %s", window, metric, start,
          dimension).isEqualTo(expected);
    });
  }

  /** Waits until Redis (top products) and PostgreSQL (product_units) hold exactly {@code units} of the product. */
  void awaitUnits(String window, long start, String product, long units) {
    Eventually.within(AGGREGATED_WITHIN, () -> {
      assertThat(redis.productUnits(window, start, product)).as("Redis top products of %s %d", window, start)
          .isEqualTo(units);
      assertThat(db.windowValue(window, "product_units", start, product)).as("PostgreSQL product_units %s %d", window,
          start).isEqualTo(units);
    });
  }

  /** Waits until PostgreSQL holds at least {@code units} of the product in the one-minute window (progress). */
  void awaitUnitsAtLeast(long start, String product, long units) {
    Eventually.within(AGGREGATED_WITHIN, () -> assertThat(db.windowValue(LiveAggregates.TUMBLING, "product_units",
        start, product)).as("units aggregated so far").isGreaterThanOrEqualTo(units));
  }

  /** The streaming service's records counted with {@code outcome}. */
  double records(String outcome) {
    PlatformHttp http = new PlatformHttp(endpoints.service("streaming").orElseThrow(), Duration.ofSeconds(10));
    return Exposition.parse(http.get("/metrics").body()).sum("ecap_streaming_records_total", Map.of("outcome", outcome));
  }

  @Override
  public void close() {
    publisher.close();
    redis.close();
    db.close();
  }
}
