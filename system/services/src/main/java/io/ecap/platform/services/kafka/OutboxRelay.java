package io.ecap.platform.services.kafka;

import io.ecap.platform.core.store.OutboxEvent;
import io.ecap.platform.core.store.OutboxRepository;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves events from the outbox table to Kafka, oldest first, marking each published only after the broker
 * acknowledged it (at-least-once; consumers de-duplicate by event id). Woken right after each write, and every
 * 500 ms regardless. Each record carries {@code traceparent} (a producer span, child of the request's span),
 * {@code correlation_id}, {@code event_id} and {@code event_type} headers.
 */
public final class OutboxRelay implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(String carrier) {
      return List.of("traceparent");
    }

    @Override
    public String get(String carrier, String key) {
      return "traceparent".equals(key) ? carrier : null;
    }
  };

  private final OutboxRepository outbox;
  private final Producer<String, byte[]> producer;
  private final CircuitBreaker breaker;
  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final MeterRegistry registry;
  private final Semaphore wake = new Semaphore(0);
  private final AtomicLong pending = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  public OutboxRelay(OutboxRepository outbox, Producer<String, byte[]> producer, CircuitBreaker breaker, Tracer tracer,
                     TextMapPropagator propagator, MeterRegistry registry) {
    this.outbox = outbox;
    this.producer = producer;
    this.breaker = breaker;
    this.tracer = tracer;
    this.propagator = propagator;
    this.registry = registry;
    Gauge.builder("ecap.outbox.pending", pending, AtomicLong::get)
        .description("Events written but not yet acknowledged by Kafka").register(registry);
    thread = new Thread(this::run, "ecap-outbox-relay");
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Called after a write added events: publish now rather than at the next poll. */
  public void wake() {
    wake.release();
  }

  private void run() {
    long backoff = 0;
    while (running) {
      try {
        wake.tryAcquire(backoff > 0 ? backoff : 500, TimeUnit.MILLISECONDS);
        wake.drainPermits();
        if (!running) {
          return;
        }
        int published;
        do {
          published = drainOnce();
        } while (published > 0 && running);
        backoff = 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        backoff = Math.min(backoff == 0 ? 250 : backoff * 2, 5_000);
        LOG.debug("outbox relay paused for {} ms: {}", backoff, e.toString());
      }
    }
  }

  /** Publishes one batch; returns how many events were published. */
  int drainOnce() throws Exception {
    List<OutboxEvent> events = outbox.pending(500);
    pending.set(events.size());
    if (events.isEmpty()) {
      return 0;
    }
    List<Long> done = breaker.executeCallable(() -> publish(events));
    outbox.markPublished(done);
    pending.set(Math.max(0, events.size() - done.size()));
    if (done.size() < events.size()) {
      throw new IllegalStateException((events.size() - done.size()) + " events not acknowledged by Kafka");
    }
    return done.size();
  }

  private List<Long> publish(List<OutboxEvent> events) throws Exception {
    List<Future<RecordMetadata>> sends = new ArrayList<>(events.size());
    List<Span> spans = new ArrayList<>(events.size());
    for (OutboxEvent e : events) {
      Context parent = e.traceparent() == null ? Context.root() : propagator.extract(Context.root(), e.traceparent(), TRACEPARENT);
      Span span = tracer.spanBuilder("publish " + e.topic()).setParent(parent).setSpanKind(SpanKind.PRODUCER)
          .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", e.topic()).startSpan();
      spans.add(span);
      ProducerRecord<String, byte[]> record = new ProducerRecord<>(e.topic(), e.key(), e.payload().getBytes(StandardCharsets.UTF_8));
      propagator.inject(Context.root().with(span), record.headers(),
          (headers, key, value) -> headers.add(key, value.getBytes(StandardCharsets.UTF_8)));
      record.headers().add("event_id", e.eventId().toString().getBytes(StandardCharsets.UTF_8));
      record.headers().add("event_type", eventType(e.payload()).getBytes(StandardCharsets.UTF_8));
      if (e.correlationId() != null) {
        record.headers().add("correlation_id", e.correlationId().getBytes(StandardCharsets.UTF_8));
      }
      sends.add(producer.send(record));
    }
    List<Long> done = new ArrayList<>();
    Exception failure = null;
    for (int i = 0; i < events.size(); i++) {
      OutboxEvent e = events.get(i);
      try {
        sends.get(i).get(10, TimeUnit.SECONDS);
        counter("ecap.kafka.producer.records", "Records acknowledged by Kafka", e.topic()).increment();
        // Stop at the first failure so events of one key are never published out of order.
        if (failure == null) {
          done.add(e.seq());
        }
      } catch (Exception ex) {
        counter("ecap.kafka.producer.errors", "Records Kafka did not acknowledge", e.topic()).increment();
        spans.get(i).recordException(ex);
        failure = failure == null ? ex : failure;
      } finally {
        spans.get(i).end();
      }
    }
    if (failure != null && done.isEmpty()) {
      throw failure;
    }
    return done;
  }

  private Counter counter(String name, String description, String topic) {
    return Counter.builder(name).description(description).tags("topic", topic).register(registry);
  }

  private static String eventType(String payload) {
    int at = payload.indexOf("\"eventType\":\"");
    if (at < 0) {
      return "unknown";
    }
    int start = at + 13;
    return payload.substring(start, payload.indexOf('"', start));
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    wake.release();
    thread.join(5_000);
  }

}
