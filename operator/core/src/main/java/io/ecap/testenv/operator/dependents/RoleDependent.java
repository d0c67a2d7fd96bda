package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.manifests.RbacManifests;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.List;

/** Roles of the Spark driver and the test runner, in the run's namespace only. */
public class RoleDependent extends BulkRunDependent<Role> {

  public RoleDependent(RunModels models) {
    super(Role.class, Component.RBAC, models);
  }

  @Override
  protected List<Role> buildAll(RunModel model, IntegrationTestRun run, Context<IntegrationTestRun> context) {
    return RbacManifests.roles(model);
  }
}
