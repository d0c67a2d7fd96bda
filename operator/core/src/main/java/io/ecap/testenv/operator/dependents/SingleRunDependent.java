package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** A dependent with one object per run. */
public abstract class SingleRunDependent<R extends HasMetadata> extends RunDependent<R> {

  protected SingleRunDependent(Class<R> type, String component, RunModels models) {
    super(type, component, models);
  }

  @Override
  protected R desired(IntegrationTestRun run, Context<IntegrationTestRun> context) {
    return build(models.of(run), run, context);
  }

  protected abstract R build(RunModel model, IntegrationTestRun run, Context<IntegrationTestRun> context);
}
