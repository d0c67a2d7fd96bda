package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.manifests.KafkaManifests;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.ecap.testenv.operator.manifests.strimzi.KafkaTopicV1;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.List;

/** One KafkaTopic per topic of the spec; ready when Strimzi says each is. */
public class KafkaTopicDependent extends BulkRunDependent<KafkaTopicV1> {

  public KafkaTopicDependent(RunModels models) {
    super(KafkaTopicV1.class, Component.KAFKA_TOPIC, models);
  }

  @Override
  protected List<KafkaTopicV1> buildAll(RunModel model, IntegrationTestRun run, Context<IntegrationTestRun> context) {
    return KafkaManifests.topics(model);
  }
}
