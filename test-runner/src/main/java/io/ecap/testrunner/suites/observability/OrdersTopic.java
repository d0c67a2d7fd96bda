package io.ecap.testrunner.suites.observability;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the platform's {@code orders} topic from its current end (positions taken when opened, before the
 * test acts), without a consumer group, so it neither joins nor disturbs anyone's group.
 */
final class OrdersTopic implements AutoCloseable {

  static final String TOPIC = "orders";

  private final KafkaConsumer<String, String> consumer;

  OrdersTopic(String bootstrap) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "ecap-test-runner-" + UUID.randomUUID());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    List<PartitionInfo> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(15));
    if (partitions == null || partitions.isEmpty()) {
      consumer.close();
      throw new AssertionError("the platform's Kafka has no topic " + TOPIC);
    }
    List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
    consumer.assign(assigned);
    consumer.seekToEnd(assigned);
    assigned.forEach(p -> consumer.position(p, Duration.ofSeconds(10)));
  }

  /** The first record from here on that matches, within {@code limit}. */
  Optional<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> wanted, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
        if (wanted.test(record)) {
          return Optional.of(record);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
