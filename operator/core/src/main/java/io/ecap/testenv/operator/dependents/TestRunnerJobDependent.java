package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.manifests.TestRunnerJobManifest;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** The test runner's Indexed Job, created once the Spark jobs have succeeded. */
public class TestRunnerJobDependent extends SingleRunDependent<Job> {

  public TestRunnerJobDependent(RunModels models) {
    super(Job.class, Component.TEST_RUNNER, models);
  }

  @Override
  protected Job build(RunModel model, IntegrationTestRun run, Context<IntegrationTestRun> context) {
    return TestRunnerJobManifest.build(model);
  }
}
