package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.manifests.QuotaManifests;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** The run namespace's LimitRange. */
public class LimitRangeDependent extends SingleRunDependent<LimitRange> {

  public LimitRangeDependent(RunModels models) {
    super(LimitRange.class, Component.QUOTA, models);
  }

  @Override
  protected LimitRange build(RunModel model, IntegrationTestRun run, Context<IntegrationTestRun> context) {
    return QuotaManifests.limitRange(model);
  }
}
