package io.ecap.testrunner.suites.performance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Streaming throughput as a black box: publishes clickstream events (the v1 wire contract) and times how long
 * the consumer groups of the {@code clickstream} topic take to commit past them. The streaming service commits
 * after processing, so a committed offset means processed.
 */
final class ClickstreamLoad implements AutoCloseable {

  static final String TOPIC = "clickstream";

  private final Admin admin;
  private final KafkaProducer<String, String> producer;

  ClickstreamLoad(String bootstrap) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    admin = Admin.create(props);
    Properties producerProps = new Properties();
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
  }

  /** Publishes {@code count} events and returns events per second until every consuming group committed past them. */
  double eventsPerSecond(int count, Duration limit) throws InterruptedException, ExecutionException {
    long start = System.nanoTime();
    String session = UUID.randomUUID().toString();
    for (int i = 0; i < count; i++) {
      String event = event(session, i);
      ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, session, event);
      record.headers().add("event_type", "clickstream.event".getBytes(StandardCharsets.UTF_8));
      producer.send(record);
    }
    producer.flush();
    Map<TopicPartition, Long> ends = endOffsets();
    long deadline = start + limit.toNanos();
    while (System.nanoTime() < deadline) {
      Set<String> groups = consumingGroups();
      if (!groups.isEmpty() && groups.stream().allMatch(g -> caughtUp(g, ends))) {
        return count / ((System.nanoTime() - start) / 1e9);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the consumers of " + TOPIC + " " + consumingGroups() + " did not commit past " + count
        + " new events within " + limit.toSeconds() + " s");
  }

  private static String event(String session, int i) {
    String now = Instant.now().toString();
    return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\":\"clickstream.event\",\"schemaVersion\":1,"
        + "\"occurredAt\":\"" + now + "\",\"correlationId\":null,\"traceId\":null,\"data\":{\"sessionId\":\"" + session
        + "\",\"customerId\":null,\"action\":\"PAGE_VIEW\",\"page\":\"/perf/" + i + "\",\"productId\":null,"
        + "\"orderId\":null,\"country\":\"DE\",\"occurredAt\":\"" + now + "\"}}";
  }

  private Map<TopicPartition, Long> endOffsets() throws InterruptedException, ExecutionException {
    List<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions()
        .stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
    Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin.listOffsets(latest).all().get().forEach((p, info) -> ends.put(p, info.offset()));
    return ends;
  }

  /** Groups with committed offsets on the topic. */
  private Set<String> consumingGroups() {
    try {
      Set<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
          .collect(Collectors.toSet());
      return groups.stream().filter(g -> committed(g).keySet().stream().anyMatch(p -> p.topic().equals(TOPIC)))
          .collect(Collectors.toSet());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot list consumer groups: " + e.getCause(), e.getCause());
    }
  }

  private boolean caughtUp(String group, Map<TopicPartition, Long> ends) {
    Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
    return ends.entrySet().stream().allMatch(e -> e.getValue() == 0
        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
  }

  private Map<TopicPartition, OffsetAndMetadata> committed(String group) {
    try {
      Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
          .get();
      Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
      offsets.forEach((p, o) -> {
        if (o != null) {
          present.put(p, o);
        }
      });
      return present;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the offsets of group " + group + ": " + e.getCause(), e.getCause());
    }
  }

  @Override
  public void close() {
    producer.close();
    admin.close();
  }
}
