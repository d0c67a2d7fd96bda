package io.ecap.testenv.operator.api.spec;

/** Who provides Kafka on Kubernetes. The embedded backend always uses an in-process KRaft broker. */
public enum KafkaProvider {
  /** A Strimzi-managed cluster in KRaft mode (the Strimzi operator must be installed). */
  Strimzi
}
