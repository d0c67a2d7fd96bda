package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.manifests.NetworkPolicyManifest;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** The NetworkPolicy that isolates the run. */
public class NetworkPolicyDependent extends SingleRunDependent<NetworkPolicy> {

  public NetworkPolicyDependent(RunModels models) {
    super(NetworkPolicy.class, Component.ISOLATION, models);
  }

  @Override
  protected NetworkPolicy build(RunModel model, IntegrationTestRun run, Context<IntegrationTestRun> context) {
    return NetworkPolicyManifest.build(model);
  }
}
