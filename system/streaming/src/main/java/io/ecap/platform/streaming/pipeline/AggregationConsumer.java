package io.ecap.platform.streaming.pipeline;

import io.ecap.platform.streaming.consumer.BaseStreamingConsumer;
import io.ecap.platform.streaming.consumer.ConsumedEvent;
import io.ecap.platform.streaming.consumer.ConsumerMetrics.Outcome;
import io.ecap.platform.streaming.consumer.ConsumerSettings;
import io.ecap.platform.streaming.consumer.DeadLetterPublisher;
import io.ecap.platform.streaming.consumer.EventDecoder;
import io.ecap.platform.streaming.window.Watermarks;
import io.ecap.platform.streaming.window.WindowSpec;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;

/**
 * Orders, payments and clickstream into event-time windows ({@link WindowSpec#TUMBLING_1M},
 * {@link WindowSpec#SLIDING_5M}). Each transaction adds the batch's deltas to PostgreSQL in one statement and closes
 * windows behind the watermark; after the commit the new totals are projected to Redis. An event whose windows are
 * all closed is late: it is recorded in {@code streaming_late_events} and counted ({@code outcome="late"}).
 */
public final class AggregationConsumer extends BaseStreamingConsumer {

  private static final long SLIDE_MS = 60_000;

  private final List<WindowSpec> windows;
  private final Watermarks watermarks;
  private final WindowHistory history;
  private final RedisAggregateProjection projection;
  private final Map<AggregateKey, Long> staged = new HashMap<>();
  private Map<AggregateKey, Long> committedTotals = Map.of();
  /** Windows end on slide boundaries, so closing only needs to run when the cutoff crosses one. */
  private Instant closedThrough = Instant.EPOCH;
  private Instant closingThrough;

  public AggregationConsumer(ConsumerSettings settings, DataSource dataSource, EventDecoder decoder,
                             DeadLetterPublisher deadLetters, MeterRegistry registry, List<WindowSpec> windows,
                             Watermarks watermarks, WindowHistory history, RedisAggregateProjection projection) {
    super(settings, dataSource, decoder, deadLetters, registry);
    this.windows = List.copyOf(windows);
    for (WindowSpec w : windows) {
      if (w.slide().toMillis() % SLIDE_MS != 0) {
        throw new IllegalArgumentException("window slides must be whole minutes: " + w);
      }
    }
    this.watermarks = watermarks;
    this.history = history;
    this.projection = projection;
  }

  @Override
  protected void process(ConsumedEvent event, Connection tx) throws Exception {
    Instant eventTime = event.envelope().occurredAt();
    watermarks.observe(event.partition(), eventTime);
    List<MetricDelta> deltas = MetricDelta.of(event.envelope());
    boolean counted = false;
    for (WindowSpec spec : windows) {
      for (WindowSpec.Window w : spec.windowsOf(eventTime)) {
        if (!watermarks.isOpen(w.end())) {
          continue;
        }
        counted = true;
        for (MetricDelta d : deltas) {
          staged.merge(new AggregateKey(spec.name(), d.metric(), w.start(), w.end(), d.dimension()), d.amount(),
              Long::sum);
        }
      }
    }
    if (!counted) {
      history.recordLate(tx, groupId(), event.envelope().eventId(), event.record().topic(), eventTime,
          watermarks.current().orElse(eventTime));
      markOutcome(event, Outcome.LATE);
    }
  }

  @Override
  protected void beforeCommit(Connection tx) throws Exception {
    committedTotals = staged.isEmpty() ? Map.of() : history.add(tx, staged);
    Optional<Instant> cutoff = watermarks.closedUpTo();
    if (cutoff.isPresent()) {
      Instant boundary = Instant.ofEpochMilli(Math.floorDiv(cutoff.get().toEpochMilli(), SLIDE_MS) * SLIDE_MS);
      if (boundary.isAfter(closedThrough)) {
        history.closeUpTo(tx, boundary);
        closingThrough = boundary;
      }
    }
  }

  @Override
  protected void afterCommit() {
    if (closingThrough != null) {
      closedThrough = closingThrough;
      closingThrough = null;
    }
    staged.clear();
    projection.publish(committedTotals, watermarks.current().orElse(null));
    committedTotals = Map.of();
  }

  @Override
  protected void afterRollback() {
    closingThrough = null;
    staged.clear();
    committedTotals = Map.of();
  }

  @Override
  protected void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    watermarks.forget(partitions);
  }
}
