package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.manifests.PlatformManifests;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.List;

/** One Deployment per platform service, created once the infrastructure is ready. */
public class PlatformDeploymentDependent extends BulkRunDependent<Deployment> {

  public PlatformDeploymentDependent(RunModels models) {
    super(Deployment.class, Component.PLATFORM_SERVICE, models);
  }

  @Override
  protected List<Deployment> buildAll(RunModel model, IntegrationTestRun run, Context<IntegrationTestRun> context) {
    return model.spec().getPlatform().getServices().stream().map(service -> PlatformManifests.deployment(model, service)).toList();
  }
}
