package io.ecap.testenv.operator.manifests.strimzi;

import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import io.strimzi.api.kafka.model.kafka.Kafka;

/** Strimzi's Kafka model served as {@code kafka.strimzi.io/v1}: the api 0.49 class is pinned to v1beta2, which Strimzi 1.x no longer serves. */
@Group("kafka.strimzi.io")
@Version("v1")
@Kind("Kafka")
@Plural("kafkas")
public class KafkaV1 extends Kafka {
}
