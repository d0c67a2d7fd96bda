package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.manifests.SeedJobManifest;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** The dataset seeding Job, created once the platform services are ready. */
public class SeedJobDependent extends SingleRunDependent<Job> {

  public SeedJobDependent(RunModels models) {
    super(Job.class, Component.SEED, models);
  }

  @Override
  protected Job build(RunModel model, IntegrationTestRun run, Context<IntegrationTestRun> context) {
    return SeedJobManifest.build(model);
  }
}
