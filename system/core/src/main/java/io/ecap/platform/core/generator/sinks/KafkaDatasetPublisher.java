package io.ecap.platform.core.generator.sinks;

import io.ecap.platform.core.Topics;
import io.ecap.platform.core.domain.Customer;
import io.ecap.platform.core.domain.Product;
import io.ecap.platform.core.events.ClickstreamEvent;
import io.ecap.platform.core.events.EventEnvelope;
import io.ecap.platform.core.events.EventJson;
import io.ecap.platform.core.generator.DatasetSink;
import io.ecap.platform.core.generator.GeneratedOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes orders, payments and clickstream as wire events (customers and products have no topic: they live in
 * PostgreSQL). Records carry {@code event_type} and {@code schema_version} headers. {@link #close()} flushes and
 * fails if any send failed, so a partial publish never passes silently.
 */
public final class KafkaDatasetPublisher implements DatasetSink {

  private final Producer<String, byte[]> producer;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  public KafkaDatasetPublisher(Producer<String, byte[]> producer) {
    this.producer = producer;
  }

  @Override
  public void product(Product product) {
  }

  @Override
  public void customer(Customer customer) {
  }

  @Override
  public void order(GeneratedOrder order) {
    String key = order.order().customerId().toString();
    send(Topics.ORDERS, key, DatasetEvents.orderPlaced(order));
    send(Topics.PAYMENTS, key, DatasetEvents.payment(order));
  }

  @Override
  public void click(ClickstreamEvent event) {
    send(Topics.CLICKSTREAM, event.sessionId().toString(), DatasetEvents.click(event));
  }

  private void send(String topic, String key, EventEnvelope<?> envelope) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, EventJson.writeBytes(envelope));
    record.headers().add("event_type", envelope.eventType().getBytes(StandardCharsets.UTF_8));
    record.headers().add("schema_version", Integer.toString(envelope.schemaVersion()).getBytes(StandardCharsets.UTF_8));
    producer.send(record, (metadata, error) -> {
      if (error != null) {
        failure.compareAndSet(null, error);
      } else {
        sent.incrementAndGet();
      }
    });
  }

  /** Records acknowledged by the broker so far. */
  public long sent() {
    return sent.get();
  }

  @Override
  public void close() {
    producer.flush();
    Exception error = failure.get();
    if (error != null) {
      throw new IllegalStateException("publishing the generated dataset to Kafka failed: " + error.getMessage(), error);
    }
  }
}
