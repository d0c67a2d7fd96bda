package io.ecap.testenv.operator.manifests.strimzi;

import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/** Strimzi's KafkaTopic model, pinned to {@code kafka.strimzi.io/v1} whatever the api jar's default. */
@Group("kafka.strimzi.io")
@Version("v1")
@Kind("KafkaTopic")
@Plural("kafkatopics")
public class KafkaTopicV1 extends KafkaTopic {
}
