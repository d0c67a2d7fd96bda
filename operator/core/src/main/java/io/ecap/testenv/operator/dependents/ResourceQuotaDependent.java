package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.manifests.QuotaManifests;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** The run namespace's ResourceQuota. */
public class ResourceQuotaDependent extends SingleRunDependent<ResourceQuota> {

  public ResourceQuotaDependent(RunModels models) {
    super(ResourceQuota.class, Component.QUOTA, models);
  }

  @Override
  protected ResourceQuota build(RunModel model, IntegrationTestRun run, Context<IntegrationTestRun> context) {
    return QuotaManifests.resourceQuota(model);
  }
}
