package io.ecap.testrunner.suites.wire;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads one of the platform's topics from its end as it was when opened (open it before acting), without a
 * consumer group, so it neither joins nor disturbs anyone's group. Keeps what it read, so several waits can look
 * at the same records.
 */
public final class TopicTail implements AutoCloseable {

  private final String topic;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();

  public TopicTail(String bootstrap, String topic) {
    this.topic = topic;
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "ecap-test-runner-" + UUID.randomUUID());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(15));
    if (partitions == null || partitions.isEmpty()) {
      consumer.close();
      throw new AssertionError("the platform's Kafka has no topic " + topic);
    }
    List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(assigned);
    consumer.seekToEnd(assigned);
    assigned.forEach(p -> consumer.position(p, Duration.ofSeconds(10)));
  }

  /** Every record read so far (from the open) that matches, after reading for up to {@code limit} until {@code enough} match. */
  public List<ConsumerRecord<byte[], byte[]>> await(Predicate<ConsumerRecord<byte[], byte[]>> wanted, int enough,
                                                   Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    List<ConsumerRecord<byte[], byte[]>> matching = matching(wanted);
    while (matching.size() < enough && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
      matching = matching(wanted);
    }
    return matching;
  }

  /** Reads what arrived within {@code period} and answers every match (to show that nothing more came). */
  public List<ConsumerRecord<byte[], byte[]>> settle(Predicate<ConsumerRecord<byte[], byte[]>> wanted, Duration period) {
    return await(wanted, Integer.MAX_VALUE, period);
  }

  private List<ConsumerRecord<byte[], byte[]>> matching(Predicate<ConsumerRecord<byte[], byte[]>> wanted) {
    return seen.stream().filter(wanted).toList();
  }

  public String topic() {
    return topic;
  }

  public static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  /** The last value of a header as text, or null. */
  public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : text(h.value());
  }

  public static String key(ConsumerRecord<byte[], byte[]> record) {
    return text(record.key());
  }

  @Override
  public void close() {
    consumer.close();
  }
}
