package io.ecap.testenv.operator.api.spec;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A topic created before the platform starts (a Strimzi KafkaTopic on Kubernetes). */
public class KafkaTopicSpec {

  @JsonPropertyDescription("Name of the topic.")
  @Required
  @Pattern(Formats.TOPIC)
  @Size(min = 1, max = 249)
  private String name;

  @JsonPropertyDescription("Number of partitions.")
  @Default("3")
  @Min(1)
  @Max(1000)
  private Integer partitions;

  @JsonPropertyDescription("Replication factor; at most the number of Kafka replicas.")
  @Default("1")
  @Min(1)
  @Max(9)
  private Integer replicas;

  public KafkaTopicSpec() {
  }

  public KafkaTopicSpec(String name, Integer partitions, Integer replicas) {
    this.name = name;
    this.partitions = partitions;
    this.replicas = replicas;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public Integer getPartitions() { return partitions; }
  public void setPartitions(Integer partitions) { this.partitions = partitions; }
  public Integer getReplicas() { return replicas; }
  public void setReplicas(Integer replicas) { this.replicas = replicas; }
}
