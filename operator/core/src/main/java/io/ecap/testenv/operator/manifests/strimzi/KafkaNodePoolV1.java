package io.ecap.testenv.operator.manifests.strimzi;

import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;

/** Strimzi's KafkaNodePool model served as {@code kafka.strimzi.io/v1}. */
@Group("kafka.strimzi.io")
@Version("v1")
@Kind("KafkaNodePool")
@Plural("kafkanodepools")
public class KafkaNodePoolV1 extends KafkaNodePool {
}
