package io.ecap.platform.analytics.lake;

import io.ecap.platform.core.Topics;
import java.util.Arrays;
import java.util.Optional;

/**
 * What lands in bronze: one table per source, raw JSON kept verbatim. Event sources carry the wire envelope (id
 * {@code $.eventId}); entity sources carry the record itself. The landing file names are those of
 * {@code JsonLinesDatasetWriter}; event sources also arrive from their Kafka topic.
 */
public enum BronzeSource {
  ORDERS("orders", "$.eventId", Topics.ORDERS),
  PAYMENTS("payments", "$.eventId", Topics.PAYMENTS),
  CLICKSTREAM("clickstream", "$.eventId", Topics.CLICKSTREAM),
  CUSTOMERS("customers", "$.id", null),
  PRODUCTS("products", "$.id", null),
  FRAUD_LABELS("fraud_labels", "$.orderId", null);

  private final String table;
  private final String idPath;
  private final String topic;

  BronzeSource(String table, String idPath, String topic) {
    this.table = table;
    this.idPath = idPath;
    this.topic = topic;
  }

  public String table() {
    return table;
  }

  public String idPath() {
    return idPath;
  }

  public String landingFile() {
    return table + ".jsonl";
  }

  public Optional<String> topic() {
    return Optional.ofNullable(topic);
  }

  public static BronzeSource ofTopic(String topic) {
    return Arrays.stream(values()).filter(s -> topic.equals(s.topic)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no bronze table for topic " + topic));
  }
}
