package io.ecap.platform.streaming.consumer;

import io.ecap.platform.core.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Sends a record that cannot be processed to the {@code dead-letter} topic: the original key, value and headers
 * byte for byte, plus {@code dlq.*} headers saying where it came from and why it failed. The send is acknowledged
 * before the caller commits the original offset, so a record is never both skipped and missing from the DLQ.
 */
public final class DeadLetterPublisher {

  public static final String ORIGINAL_TOPIC = "dlq.original.topic";
  public static final String ORIGINAL_PARTITION = "dlq.original.partition";
  public static final String ORIGINAL_OFFSET = "dlq.original.offset";
  public static final String CONSUMER_GROUP = "dlq.consumer.group";
  public static final String REASON = "dlq.reason";
  public static final String ERROR_CLASS = "dlq.error.class";
  public static final String ERROR_MESSAGE = "dlq.error.message";
  public static final String ATTEMPTS = "dlq.attempts";
  public static final String FAILED_AT = "dlq.failed.at";

  private static final int MAX_MESSAGE_CHARS = 2_000;

  private final Producer<byte[], byte[]> producer;
  private final String topic;

  public DeadLetterPublisher(Producer<byte[], byte[]> producer) {
    this(producer, Topics.DEAD_LETTER);
  }

  public DeadLetterPublisher(Producer<byte[], byte[]> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  /** Publishes and waits for the broker's acknowledgement (throws if it does not come). */
  public void publish(ConsumerRecord<byte[], byte[]> original, String group, DeadLetterReason reason, Throwable error,
                      int attempts) throws ExecutionException, InterruptedException, TimeoutException {
    ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(topic, null, original.key(), original.value());
    Headers headers = dead.headers();
    for (Header h : original.headers()) {
      headers.add(h.key(), h.value());
    }
    add(headers, ORIGINAL_TOPIC, original.topic());
    add(headers, ORIGINAL_PARTITION, Integer.toString(original.partition()));
    add(headers, ORIGINAL_OFFSET, Long.toString(original.offset()));
    add(headers, CONSUMER_GROUP, group);
    add(headers, REASON, reason.name());
    add(headers, ERROR_CLASS, error == null ? "" : error.getClass().getName());
    add(headers, ERROR_MESSAGE, truncate(describe(error)));
    add(headers, ATTEMPTS, Integer.toString(attempts));
    add(headers, FAILED_AT, Instant.now().toString());
    producer.send(dead).get(30, TimeUnit.SECONDS);
  }

  private static String describe(Throwable error) {
    if (error == null) {
      return "";
    }
    StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
    for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      text.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
    }
    return text.toString();
  }

  private static String truncate(String text) {
    return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS);
  }

  private static void add(Headers headers, String key, String value) {
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
