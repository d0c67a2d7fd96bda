package io.ecap.testenv.operator.manifests;

import io.ecap.testenv.operator.api.spec.KafkaSpec;
import io.ecap.testenv.operator.api.spec.KafkaTopicSpec;
import io.ecap.testenv.operator.manifests.strimzi.KafkaNodePoolV1;
import io.ecap.testenv.operator.manifests.strimzi.KafkaTopicV1;
import io.ecap.testenv.operator.manifests.strimzi.KafkaV1;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.naming.RunNames;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.strimzi.api.kafka.model.kafka.JbodStorageBuilder;
import io.strimzi.api.kafka.model.kafka.KRaftMetadataStorage;
import io.strimzi.api.kafka.model.kafka.KafkaSpecBuilder;
import io.strimzi.api.kafka.model.kafka.PersistentClaimStorageBuilder;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListenerBuilder;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerType;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePoolSpecBuilder;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopicSpecBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strimzi Kafka in KRaft mode, as {@code kafka.strimzi.io/v1}: one node pool of combined
 * controller+broker nodes (replicas and storage live there in v1), the cluster with a plain
 * internal listener on 9092 and the topic operator, and one KafkaTopic per topic of the spec.
 */
public final class KafkaManifests {

  public static final String CLUSTER_LABEL = "strimzi.io/cluster";

  private KafkaManifests() {
  }

  public static KafkaNodePoolV1 nodePool(RunModel model) {
    KafkaSpec kafka = model.spec().getKafka();
    KafkaNodePoolV1 pool = new KafkaNodePoolV1();
    ObjectMeta metadata = model.metadata(Component.KAFKA, RunNames.KAFKA_NODE_POOL);
    metadata.getLabels().put(CLUSTER_LABEL, RunNames.KAFKA);
    pool.setMetadata(metadata);
    pool.setSpec(new KafkaNodePoolSpecBuilder()
        .withReplicas(kafka.getReplicas())
        .withRoles(ProcessRoles.CONTROLLER, ProcessRoles.BROKER)
        .withStorage(new JbodStorageBuilder()
            .withVolumes(new PersistentClaimStorageBuilder()
                .withId(0)
                .withSize(kafka.getStorage())
                .withDeleteClaim(true)
                .withKraftMetadata(KRaftMetadataStorage.SHARED)
                .build())
            .build())
        .withResources(model.sizing().resources("kafka", model.spec().getResources().getKafka()))
        .build());
    return pool;
  }

  public static KafkaV1 kafka(RunModel model) {
    KafkaSpec spec = model.spec().getKafka();
    int replicas = spec.getReplicas();
    int minIsr = Math.min(2, replicas);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("offsets.topic.replication.factor", replicas);
    config.put("transaction.state.log.replication.factor", replicas);
    config.put("transaction.state.log.min.isr", minIsr);
    config.put("default.replication.factor", replicas);
    config.put("min.insync.replicas", minIsr);
    KafkaV1 kafka = new KafkaV1();
    kafka.setMetadata(model.metadata(Component.KAFKA, RunNames.KAFKA));
    kafka.setSpec(new KafkaSpecBuilder()
        .withNewKafka()
        .withVersion(spec.getVersion())
        .withListeners(new GenericKafkaListenerBuilder()
            .withName("plain").withPort(9092).withType(KafkaListenerType.INTERNAL).withTls(false).build())
        .withConfig(config)
        .endKafka()
        .withNewEntityOperator().withNewTopicOperator().endTopicOperator().endEntityOperator()
        .build());
    return kafka;
  }

  public static List<KafkaTopicV1> topics(RunModel model) {
    return model.spec().getKafka().getTopics().stream().map(topic -> topic(model, topic)).toList();
  }

  public static KafkaTopicV1 topic(RunModel model, KafkaTopicSpec spec) {
    KafkaTopicV1 topic = new KafkaTopicV1();
    ObjectMeta metadata = model.metadata(Component.KAFKA_TOPIC, RunNames.kafkaTopic(spec.getName()));
    metadata.getLabels().put(CLUSTER_LABEL, RunNames.KAFKA);
    topic.setMetadata(metadata);
    KafkaTopicSpecBuilder builder = new KafkaTopicSpecBuilder()
        .withPartitions(spec.getPartitions())
        .withReplicas(spec.getReplicas());
    if (!metadata.getName().equals(spec.getName())) {
      builder.withTopicName(spec.getName());
    }
    topic.setSpec(builder.build());
    return topic;
  }
}
