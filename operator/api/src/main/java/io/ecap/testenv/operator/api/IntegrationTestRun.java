package io.ecap.testenv.operator.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.fabric8.generator.annotation.Required;

/**
 * One integration-test run of the E-Commerce Analytics Platform: an ephemeral environment,
 * the suites that run in it, their results and the teardown that follows.
 */
@Group(IntegrationTestRun.GROUP)
@Version(IntegrationTestRun.VERSION)
@Kind(IntegrationTestRun.KIND)
@Plural(IntegrationTestRun.PLURAL)
@Singular("integrationtestrun")
@ShortNames("itr")
@Categories({"ecap", "all"})
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING,
    getDescription = "Outcome so far: Pending, Provisioning, Testing, Succeeded or Failed")
@AdditionalPrinterColumn(name = "Passed", jsonPath = ".status.results.passed", type = AdditionalPrinterColumn.Type.INTEGER,
    getDescription = "Tests that passed cleanly")
@AdditionalPrinterColumn(name = "Failed", jsonPath = ".status.results.failed", type = AdditionalPrinterColumn.Type.INTEGER,
    getDescription = "Tests that failed")
@AdditionalPrinterColumn(name = "Success %", jsonPath = ".status.results.successRate", type = AdditionalPrinterColumn.Type.NUMBER,
    getDescription = "Share of tests that passed cleanly, in percent")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(name = "Duration", jsonPath = ".status.duration", type = AdditionalPrinterColumn.Type.STRING,
    getDescription = "Time from start to finish of the run")
public class IntegrationTestRun extends CustomResource<IntegrationTestRunSpec, IntegrationTestRunStatus>
    implements Namespaced {

  public static final String GROUP = "testing.ecap.io";
  public static final String VERSION = "v1alpha1";
  public static final String KIND = "IntegrationTestRun";
  public static final String PLURAL = "integrationtestruns";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  /** Name of the generated CRD file (crd-generator writes {@code <plural>.<group>-v1.yml}). */
  public static final String CRD_FILE = PLURAL + "." + GROUP + "-v1.yml";

  @Override
  @Required
  public IntegrationTestRunSpec getSpec() {
    return super.getSpec();
  }
}
