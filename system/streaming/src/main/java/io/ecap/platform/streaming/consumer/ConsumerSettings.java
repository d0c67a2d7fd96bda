package io.ecap.platform.streaming.consumer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How one consumer group reads: its topics, the retry policy for transient failures, how long processed ids are
 * remembered, and extra Kafka client properties (e.g. security settings in a cluster).
 */
public record ConsumerSettings(String bootstrapServers, String groupId, List<String> topics, int maxPollRecords,
                               Duration pollTimeout, RetryPolicy retry, Duration processedIdRetention,
                               Map<String, String> clientProperties) {

  public ConsumerSettings {
    topics = List.copyOf(topics);
    clientProperties = Map.copyOf(clientProperties);
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("a consumer needs at least one topic");
    }
  }

  public static ConsumerSettings of(String bootstrapServers, String groupId, List<String> topics) {
    return new ConsumerSettings(bootstrapServers, groupId, topics, 500, Duration.ofMillis(200), RetryPolicy.DEFAULT,
        Duration.ofDays(7), Map.of());
  }

  public ConsumerSettings withRetry(RetryPolicy policy) {
    return new ConsumerSettings(bootstrapServers, groupId, topics, maxPollRecords, pollTimeout, policy,
        processedIdRetention, clientProperties);
  }

  public ConsumerSettings withMaxPollRecords(int records) {
    return new ConsumerSettings(bootstrapServers, groupId, topics, records, pollTimeout, retry, processedIdRetention,
        clientProperties);
  }

  Properties kafkaProperties(String clientId) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPollRecords));
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    // A retry loop may hold one record for up to maxAttempts * maxBackoff: stay well inside the poll interval.
    p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, "300000");
    p.putAll(clientProperties);
    return p;
  }
}
