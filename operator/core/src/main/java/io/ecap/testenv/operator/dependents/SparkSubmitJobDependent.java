package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.api.spec.SparkJobSpec;
import io.ecap.testenv.operator.manifests.SparkSubmitManifest;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.ecap.testenv.operator.naming.RunNames;
import io.ecap.testenv.operator.status.Readiness;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The Spark submitters, one job at a time in the spec's order: the next one is desired only once
 * the previous job's driver pod has succeeded.
 */
public class SparkSubmitJobDependent extends BulkRunDependent<Job> {

  public SparkSubmitJobDependent(RunModels models) {
    super(Job.class, Component.SPARK_SUBMIT, models);
  }

  @Override
  protected List<Job> buildAll(RunModel model, IntegrationTestRun run, Context<IntegrationTestRun> context) {
    List<Job> jobs = new ArrayList<>();
    for (SparkJobSpec job : model.spec().getSpark().getJobs()) {
      jobs.add(SparkSubmitManifest.build(model, job));
      if (!"Succeeded".equals(Readiness.podPhase(driver(model, job, context)))) {
        break;
      }
    }
    return jobs;
  }

  static Pod driver(RunModel model, SparkJobSpec job, Context<IntegrationTestRun> context) {
    String name = RunNames.sparkDriverPod(job.getName());
    return context.getSecondaryResourcesAsStream(Pod.class)
        .filter(p -> name.equals(p.getMetadata().getName()) && model.namespace().equals(p.getMetadata().getNamespace()))
        .findFirst().orElse(null);
  }
}
