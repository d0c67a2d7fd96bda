package io.ecap.platform.streaming.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer group's metrics, Prometheus-named: {@code ecap_streaming_records_total{outcome}},
 * {@code ecap_streaming_processing_seconds} (per record), {@code ecap_streaming_batch_seconds} (per transaction),
 * {@code ecap_streaming_record_age_seconds} (producer timestamp to processing), {@code ecap_streaming_retries_total} and {@code ecap_streaming_consumer_lag_records} (per topic, summed over the
 * partitions this instance owns, from the consumer's last fetch).
 */
public final class ConsumerMetrics {

  /** What happened to a record. */
  public enum Outcome {
    PROCESSED, DUPLICATE, DEAD_LETTERED, LATE
  }

  private final MeterRegistry registry;
  private final String group;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> processing = new ConcurrentHashMap<>();
  private final Map<String, Timer> age = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> lagByTopic = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Long> lagByPartition = new ConcurrentHashMap<>();
  private final Timer batch;
  private final Counter retries;

  public ConsumerMetrics(MeterRegistry registry, String group) {
    this.registry = registry;
    this.group = group;
    this.batch = Timer.builder("ecap_streaming_batch").description("Time to process one poll batch in one transaction")
        .tag("consumer_group", group).publishPercentileHistogram().register(registry);
    this.retries = Counter.builder("ecap_streaming_retries").description("Retries after transient failures")
        .tag("consumer_group", group).register(registry);
  }

  public void record(String topic, Outcome outcome, long count) {
    if (count <= 0) {
      return;
    }
    counters.computeIfAbsent(topic + '|' + outcome, k -> Counter.builder("ecap_streaming_records")
        .description("Records consumed, by outcome").tag("consumer_group", group).tag("topic", topic)
        .tag("outcome", outcome.name().toLowerCase()).register(registry)).increment(count);
  }

  public void processingTime(String topic, long nanos) {
    processing.computeIfAbsent(topic, t -> Timer.builder("ecap_streaming_processing")
        .description("Time to process one record, excluding the commit").tag("consumer_group", group).tag("topic", t)
        .publishPercentileHistogram().register(registry)).record(Duration.ofNanos(nanos));
  }

  /** How old a record is (its producer timestamp to now) when processing starts: freshness of the stream. */
  public void recordAge(String topic, long millis) {
    age.computeIfAbsent(topic, t -> Timer.builder("ecap_streaming_record_age").description(
        "Time from the record's producer timestamp to the start of its processing").tag("consumer_group", group)
        .tag("topic", t).publishPercentileHistogram().register(registry)).record(Duration.ofMillis(Math.max(0, millis)));
  }

  public void batchTime(long nanos) {
    batch.record(Duration.ofNanos(nanos));
  }

  public void retried() {
    retries.increment();
  }

  /** Refreshes the lag gauges from what the consumer knows after its last fetch (no broker round trip). */
  public void updateLag(Consumer<?, ?> consumer) {
    Collection<TopicPartition> assigned = consumer.assignment();
    lagByPartition.keySet().retainAll(assigned);
    for (TopicPartition tp : assigned) {
      OptionalLong lag = consumer.currentLag(tp);
      if (lag.isPresent()) {
        lagByPartition.put(tp, lag.getAsLong());
      }
    }
    Map<String, Long> sums = new ConcurrentHashMap<>();
    lagByPartition.forEach((tp, lag) -> sums.merge(tp.topic(), lag, Long::sum));
    lagByTopic.forEach((topic, gauge) -> gauge.set(sums.getOrDefault(topic, 0L)));
    sums.forEach((topic, lag) -> lagByTopic.computeIfAbsent(topic, t -> {
      AtomicLong value = new AtomicLong();
      Gauge.builder("ecap_streaming_consumer_lag_records", value, AtomicLong::get)
          .description("Records behind the end of the topic, over the partitions this instance owns")
          .tag("consumer_group", group).tag("topic", t).register(registry);
      return value;
    }).set(lag));
  }

  /** Total lag over every topic, as last seen. */
  public long totalLag() {
    return lagByPartition.values().stream().mapToLong(Long::longValue).sum();
  }
}
