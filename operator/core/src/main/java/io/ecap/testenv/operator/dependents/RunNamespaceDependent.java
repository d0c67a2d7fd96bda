package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.manifests.NamespaceManifest;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.fabric8.kubernetes.api.model.Namespace;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** The run's namespace: the root of the workflow, deleted last. */
public class RunNamespaceDependent extends SingleRunDependent<Namespace> {

  public RunNamespaceDependent(RunModels models) {
    super(Namespace.class, Component.NAMESPACE, models);
  }

  @Override
  protected Namespace build(RunModel model, IntegrationTestRun run, Context<IntegrationTestRun> context) {
    return NamespaceManifest.build(model);
  }
}
