package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.manifests.KafkaManifests;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.ecap.testenv.operator.manifests.strimzi.KafkaNodePoolV1;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** The Kafka node pool (controller and broker roles). */
public class KafkaNodePoolDependent extends SingleRunDependent<KafkaNodePoolV1> {

  public KafkaNodePoolDependent(RunModels models) {
    super(KafkaNodePoolV1.class, Component.KAFKA, models);
  }

  @Override
  protected KafkaNodePoolV1 build(RunModel model, IntegrationTestRun run, Context<IntegrationTestRun> context) {
    return KafkaManifests.nodePool(model);
  }
}
