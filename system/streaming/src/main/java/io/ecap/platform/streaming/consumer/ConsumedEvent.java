package io.ecap.platform.streaming.consumer;

import io.ecap.platform.core.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** A decoded, schema-valid event with the record it came from (kept for the dead-letter topic and tracing). */
public record ConsumedEvent(EventEnvelope<?> envelope, ConsumerRecord<byte[], byte[]> record) {

  public TopicPartition partition() {
    return new TopicPartition(record.topic(), record.partition());
  }

  /** The payload, typed by the caller (the decoder chose the class from the event type). */
  public <T> T data(Class<T> type) {
    return type.cast(envelope.data());
  }
}
