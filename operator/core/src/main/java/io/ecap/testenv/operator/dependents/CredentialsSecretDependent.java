package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.manifests.Credentials;
import io.ecap.testenv.operator.manifests.CredentialsManifest;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.ecap.testenv.operator.naming.RunNames;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/** The generated credentials: made once (fresh passwords), never updated, so every consumer keeps seeing the same. */
public class CredentialsSecretDependent extends SingleRunDependent<Secret> {

  public CredentialsSecretDependent(RunModels models) {
    super(Secret.class, Component.CREDENTIALS, models);
  }

  @Override
  protected Secret build(RunModel model, IntegrationTestRun run, Context<IntegrationTestRun> context) {
    return CredentialsManifest.build(model, Credentials.generate());
  }

  @Override
  protected ResourceID targetSecondaryResourceID(IntegrationTestRun run, Context<IntegrationTestRun> context) {
    return new ResourceID(RunNames.SECRET, models.of(run).namespace());
  }
}
