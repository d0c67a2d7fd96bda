package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.manifests.KafkaManifests;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.ecap.testenv.operator.manifests.strimzi.KafkaV1;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** The Strimzi Kafka cluster; ready on Strimzi's Ready condition. */
public class KafkaClusterDependent extends SingleRunDependent<KafkaV1> {

  public KafkaClusterDependent(RunModels models) {
    super(KafkaV1.class, Component.KAFKA, models);
  }

  @Override
  protected KafkaV1 build(RunModel model, IntegrationTestRun run, Context<IntegrationTestRun> context) {
    return KafkaManifests.kafka(model);
  }
}
