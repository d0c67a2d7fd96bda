package io.ecap.testenv.operator.manifests;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.api.IntegrationTestRunSpec;
import io.ecap.testenv.operator.api.validation.RunValidator;
import io.ecap.testenv.operator.config.OperatorSettings;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.ecap.testenv.operator.sim.OperatorHarness;
import java.util.function.Consumer;

/** RunModels of test runs, with the schema's defaults applied as on a cluster. */
final class Models {

  private static final RunValidator VALIDATOR = RunValidator.forGeneratedCrd();

  private Models() {
  }

  static RunModel of(String name, Consumer<IntegrationTestRunSpec> customize) {
    return of(name, customize, OperatorSettings.defaults());
  }

  static RunModel of(String name, Consumer<IntegrationTestRunSpec> customize, OperatorSettings settings) {
    IntegrationTestRun run = OperatorHarness.run(name, customize);
    run.getMetadata().setUid("5b4c1e9a-0000-4000-8000-" + String.format("%012d", Math.abs(name.hashCode())));
    run.getMetadata().setGeneration(1L);
    return new RunModels(VALIDATOR, settings).of(run);
  }
}
