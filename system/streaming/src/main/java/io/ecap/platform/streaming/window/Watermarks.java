package io.ecap.platform.streaming.window;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * Event-time progress of the partitions one consumer owns. Each partition's watermark is the latest event time it
 * has delivered; the consumer's watermark is the minimum over its partitions, so a partition that is behind holds
 * windows open for its events. A partition silent for {@code idleTimeout} (processing time) stops holding the
 * watermark back. A window [start, end) accepts events while {@code watermark < end + allowedLateness}; after that
 * it is closed and an event for it is late. Event times more than {@link #MAX_FUTURE_SKEW} ahead of this machine's
 * clock advance the watermark only up to that bound: one producer with a wrong clock must not close every window.
 */
public final class Watermarks {

  public static final Duration MAX_FUTURE_SKEW = Duration.ofMinutes(5);

  private final Duration allowedLateness;
  private final Duration idleTimeout;
  private final Clock clock;
  private final Map<TopicPartition, Progress> partitions = new HashMap<>();

  private record Progress(Instant maxEventTime, Instant lastSeen) {
  }

  public Watermarks(Duration allowedLateness, Duration idleTimeout, Clock clock) {
    this.allowedLateness = allowedLateness;
    this.idleTimeout = idleTimeout;
    this.clock = clock;
  }

  public Duration allowedLateness() {
    return allowedLateness;
  }

  /** Records that {@code partition} delivered an event at {@code eventTime}. */
  public synchronized void observe(TopicPartition partition, Instant eventTime) {
    Instant now = clock.instant();
    Instant bound = now.plus(MAX_FUTURE_SKEW);
    Instant progress = eventTime.isAfter(bound) ? bound : eventTime;
    partitions.merge(partition, new Progress(progress, now), (old, neu) ->
        new Progress(old.maxEventTime().isAfter(neu.maxEventTime()) ? old.maxEventTime() : neu.maxEventTime(), now));
  }

  /** The consumer's watermark: empty until some partition delivered an event. */
  public synchronized Optional<Instant> current() {
    Instant now = clock.instant();
    Instant min = null;
    Instant maxOfAll = null;
    for (Progress p : partitions.values()) {
      maxOfAll = maxOfAll == null || p.maxEventTime().isAfter(maxOfAll) ? p.maxEventTime() : maxOfAll;
      if (Duration.between(p.lastSeen(), now).compareTo(idleTimeout) > 0) {
        continue;
      }
      min = min == null || p.maxEventTime().isBefore(min) ? p.maxEventTime() : min;
    }
    return Optional.ofNullable(min != null ? min : maxOfAll);
  }

  /** Whether a window ending at {@code end} still accepts events. */
  public boolean isOpen(Instant end) {
    return current().map(w -> w.isBefore(end.plus(allowedLateness))).orElse(true);
  }

  /** Windows ending at or before this instant are closed (empty when nothing was observed yet). */
  public Optional<Instant> closedUpTo() {
    return current().map(w -> w.minus(allowedLateness));
  }

  /** Forgets partitions that moved to another instance (their events no longer reach this one). */
  public synchronized void forget(Iterable<TopicPartition> revoked) {
    revoked.forEach(partitions::remove);
  }
}
