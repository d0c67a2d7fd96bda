package io.ecap.platform.streaming.consumer;

import io.ecap.platform.core.events.OrderPlaced;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * A test consumer that writes what it processes to {@code it_consumed} in the consumer's transaction, so the
 * table shows exactly what took effect. Failures can be injected per order id.
 */
final class RecordingConsumer extends BaseStreamingConsumer {

  static final String TABLE = "CREATE TABLE IF NOT EXISTS it_consumed (consumer_group text NOT NULL, "
      + "event_id uuid NOT NULL, order_id uuid NOT NULL, trace_id text, PRIMARY KEY (consumer_group, event_id))";

  /** Orders whose processing fails permanently. */
  final Set<UUID> rejected = ConcurrentHashMap.newKeySet();
  /** Orders whose processing fails transiently this many more times. */
  final Map<UUID, Integer> transientFailures = new ConcurrentHashMap<>();
  /** Simulated crash: the next processed event throws an Error, killing the thread mid-batch. */
  volatile boolean crashNext;
  volatile long sleepMillisPerEvent;

  RecordingConsumer(ConsumerSettings settings, DataSource dataSource, DeadLetterPublisher dlq, MeterRegistry registry) {
    super(settings, dataSource, new EventDecoder(EventCatalog.platformEvents()), dlq, registry);
  }

  @Override
  protected void process(ConsumedEvent event, Connection tx) throws Exception {
    OrderPlaced order = event.data(OrderPlaced.class);
    if (crashNext) {
      throw new SimulatedCrash();
    }
    if (sleepMillisPerEvent > 0) {
      Thread.sleep(sleepMillisPerEvent);
    }
    if (rejected.contains(order.orderId())) {
      throw new PermanentFailure("order " + order.orderId() + " is rejected by the test");
    }
    Integer left = transientFailures.computeIfPresent(order.orderId(), (k, n) -> n - 1);
    if (left != null && left >= 0) {
      throw new SQLTransientConnectionException("injected transient failure, " + left + " left");
    }
    try (PreparedStatement ps = tx.prepareStatement(
        "INSERT INTO it_consumed (consumer_group, event_id, order_id, trace_id) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, groupId());
      ps.setObject(2, event.envelope().eventId());
      ps.setObject(3, order.orderId());
      String traceId = Span.current().getSpanContext().isValid() ? Span.current().getSpanContext().getTraceId() : null;
      ps.setString(4, traceId);
      ps.executeUpdate();
    }
  }

  /** Not an Exception: nothing in the consumer retries or dead-letters it; the polling thread dies. */
  static final class SimulatedCrash extends Error {
    SimulatedCrash() {
      super("simulated crash");
    }
  }
}
