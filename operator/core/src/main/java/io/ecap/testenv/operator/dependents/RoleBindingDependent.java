package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.manifests.RbacManifests;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.List;

/** RoleBindings of the Spark driver and the test runner. */
public class RoleBindingDependent extends BulkRunDependent<RoleBinding> {

  public RoleBindingDependent(RunModels models) {
    super(RoleBinding.class, Component.RBAC, models);
  }

  @Override
  protected List<RoleBinding> buildAll(RunModel model, IntegrationTestRun run, Context<IntegrationTestRun> context) {
    return RbacManifests.roleBindings(model);
  }
}
