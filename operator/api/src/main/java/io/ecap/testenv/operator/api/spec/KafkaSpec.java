package io.ecap.testenv.operator.api.spec;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The environment's Kafka cluster. */
@ValidationRule(value = "self.topics.all(t, t.replicas <= self.replicas)",
    message = "a topic's replicas must not exceed the Kafka replicas", fieldPath = ".topics")
public class KafkaSpec {

  @JsonPropertyDescription("Who provides Kafka on Kubernetes. Only Strimzi (KRaft, node pools) is supported; the embedded backend always runs an in-process KRaft broker.")
  @Default("Strimzi")
  private KafkaProvider provider;

  @JsonPropertyDescription("Kafka version, as Strimzi names it (major.minor.patch).")
  @Default("4.1.1")
  @Pattern("^[0-9]+\\.[0-9]+\\.[0-9]+$")
  private String version;

  @JsonPropertyDescription("Number of combined controller+broker nodes.")
  @Default("1")
  @Min(1)
  @Max(9)
  private Integer replicas;

  @JsonPropertyDescription("Persistent storage per node (a quantity such as 2Gi).")
  @Default("2Gi")
  @Pattern(Formats.QUANTITY)
  private String storage;

  @JsonPropertyDescription("Topics to create. Defaults to the topics the ECAP platform uses.")
  @Default("[{\"name\":\"orders\"},{\"name\":\"payments\"},{\"name\":\"clickstream\"},"
      + "{\"name\":\"fraud-decisions\"},{\"name\":\"fraud-alerts\"},{\"name\":\"dead-letter\",\"partitions\":1}]")
  @Size(max = 100)
  @ValidationRule(value = "self.all(t, self.exists_one(u, u.name == t.name))",
      message = "must not name the same topic twice")
  private List<KafkaTopicSpec> topics;

  public KafkaProvider getProvider() { return provider; }
  public void setProvider(KafkaProvider provider) { this.provider = provider; }
  public String getVersion() { return version; }
  public void setVersion(String version) { this.version = version; }
  public Integer getReplicas() { return replicas; }
  public void setReplicas(Integer replicas) { this.replicas = replicas; }
  public String getStorage() { return storage; }
  public void setStorage(String storage) { this.storage = storage; }
  public List<KafkaTopicSpec> getTopics() { return topics; }
  public void setTopics(List<KafkaTopicSpec> topics) { this.topics = topics; }
}
