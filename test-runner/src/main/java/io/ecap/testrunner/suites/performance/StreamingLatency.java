package io.ecap.testrunner.suites.performance;

import io.ecap.testrunner.suites.wire.EventPublisher;
import io.ecap.testrunner.suites.wire.LiveAggregates;
import io.ecap.testrunner.suites.wire.WireEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * End-to-end streaming latency as a dashboard sees it: from handing an order to the producer until its units are
 * visible in Redis (the one-minute window's top products). One order at a time, each of a new product, so each
 * sample is one event's own journey.
 */
final class StreamingLatency {

  private final EventPublisher publisher;
  private final LiveAggregates redis;

  StreamingLatency(EventPublisher publisher, LiveAggregates redis) {
    this.publisher = publisher;
    this.redis = redis;
  }

  /** Milliseconds per event, for up to {@code count} events within {@code limit} (at least one). */
  double[] measure(int count, Duration limit) {
    double[] millis = new double[count];
    long deadline = System.nanoTime() + limit.toNanos();
    int done = 0;
    for (; done < count && System.nanoTime() < deadline; done++) {
      String product = UUID.randomUUID().toString();
      Instant at = Instant.now();
      long minute = LiveAggregates.minuteOf(at);
      long start = System.nanoTime();
      publisher.send(WireEvents.order(UUID.randomUUID(), "EUR", product, 1, 100, at));
      while (redis.productUnits(LiveAggregates.TUMBLING, minute, product) == 0) {
        if (System.nanoTime() > deadline + Duration.ofSeconds(30).toNanos()) {
          throw new AssertionError("order of product " + product + " not visible in Redis within 30 s");
        }
        Thread.onSpinWait();
      }
      millis[done] = (System.nanoTime() - start) / 1e6;
    }
    return Arrays.copyOf(millis, done);
  }
}
