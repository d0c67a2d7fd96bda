package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.manifests.RbacManifests;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.List;

/** ServiceAccounts of the Spark driver and the test runner. */
public class ServiceAccountDependent extends BulkRunDependent<ServiceAccount> {

  public ServiceAccountDependent(RunModels models) {
    super(ServiceAccount.class, Component.RBAC, models);
  }

  @Override
  protected List<ServiceAccount> buildAll(RunModel model, IntegrationTestRun run, Context<IntegrationTestRun> context) {
    return RbacManifests.serviceAccounts(model);
  }
}
