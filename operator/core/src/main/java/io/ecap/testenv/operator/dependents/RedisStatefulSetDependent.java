package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.manifests.RedisManifests;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** Redis; ready when its one replica is. */
public class RedisStatefulSetDependent extends SingleRunDependent<StatefulSet> {

  public RedisStatefulSetDependent(RunModels models) {
    super(StatefulSet.class, Component.REDIS, models);
  }

  @Override
  protected StatefulSet build(RunModel model, IntegrationTestRun run, Context<IntegrationTestRun> context) {
    return RedisManifests.statefulSet(model);
  }
}
