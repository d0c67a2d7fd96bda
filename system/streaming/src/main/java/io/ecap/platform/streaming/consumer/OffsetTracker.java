package io.ecap.platform.streaming.consumer;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The next offset to commit per partition: only records that were fully handled (processed or dead-lettered). */
final class OffsetTracker {

  private final Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();

  void completed(ConsumerRecord<?, ?> record) {
    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
    OffsetAndMetadata next = new OffsetAndMetadata(record.offset() + 1);
    done.merge(tp, next, (a, b) -> a.offset() >= b.offset() ? a : b);
  }

  /** What to commit now; the tracker forgets it (call again after more records complete). */
  Map<TopicPartition, OffsetAndMetadata> drain() {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(done);
    done.clear();
    return offsets;
  }

  boolean isEmpty() {
    return done.isEmpty();
  }
}
