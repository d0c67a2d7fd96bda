package io.ecap.testrunner.suites.wire;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Publishes to the platform's Kafka as its own producers do (acks=all, event_type and schema_version headers). */
public final class EventPublisher implements AutoCloseable {

  private final KafkaProducer<byte[], byte[]> producer;

  public EventPublisher(String bootstrap) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "ecap-test-runner-" + UUID.randomUUID());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Sends and waits for the broker's acknowledgement. */
  public RecordMetadata publish(WireEvents.Event event) {
    return await(send(event));
  }

  /** Sends without waiting; {@link #flush()} or the future tells when it is acknowledged. */
  public Future<RecordMetadata> send(WireEvents.Event event) {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(event.topic(), bytes(event.key()), bytes(event.json()));
    record.headers().add("event_type", bytes(event.type()));
    record.headers().add("schema_version", bytes("1"));
    return producer.send(record);
  }

  /** Any bytes with any headers, e.g. a poison record. */
  public RecordMetadata publishRaw(String topic, String key, byte[] value, Map<String, String> headers) {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, bytes(key), value);
    headers.forEach((name, v) -> record.headers().add(name, bytes(v)));
    return await(producer.send(record));
  }

  public void flush() {
    producer.flush();
  }

  private static RecordMetadata await(Future<RecordMetadata> sent) {
    try {
      return sent.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("the platform's Kafka did not acknowledge a record: " + e, e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close();
  }
}
