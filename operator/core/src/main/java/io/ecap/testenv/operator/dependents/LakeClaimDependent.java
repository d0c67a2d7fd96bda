package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.manifests.LakeManifests;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** The lake's PersistentVolumeClaim, shared by seeding, Spark, the platform services and the test runner. */
public class LakeClaimDependent extends SingleRunDependent<PersistentVolumeClaim> {

  public LakeClaimDependent(RunModels models) {
    super(PersistentVolumeClaim.class, Component.LAKE, models);
  }

  @Override
  protected PersistentVolumeClaim build(RunModel model, IntegrationTestRun run, Context<IntegrationTestRun> context) {
    return LakeManifests.claim(model);
  }
}
