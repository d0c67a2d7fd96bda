package io.ecap.testenv.operator.cli;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.api.validation.InvalidRunException;
import io.ecap.testenv.operator.api.validation.RunFileReader;
import io.ecap.testenv.operator.api.validation.RunValidator;
import io.ecap.testenv.operator.config.OperatorSettings;
import io.ecap.testenv.operator.manifests.Credentials;
import io.ecap.testenv.operator.manifests.ManifestPlan;
import io.ecap.testenv.operator.model.InvalidSpecException;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Prints every object the operator would create for a run, in creation order, as multi-document
 * YAML from the same builders: what `helm template` is to a chart. Validates the file first, exactly
 * like `make validate`; passwords are placeholders and the namespace suffix comes from a stand-in uid.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
    description = "Print the manifests the operator would create for an IntegrationTestRun file.")
public final class RenderCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "IntegrationTestRun YAML file")
  Path file;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RunValidator validator = RunValidator.forGeneratedCrd();
    IntegrationTestRun run;
    try {
      run = new RunFileReader(validator).readOne(file);
    } catch (InvalidRunException invalid) {
      err.println(invalid.getMessage());
      return 1;
    }
    if (run.getMetadata().getNamespace() == null) {
      run.getMetadata().setNamespace("default");
    }
    // stands in for the uid the API server assigns; it only feeds the namespace's suffix
    run.getMetadata().setUid(UUID.nameUUIDFromBytes((run.getMetadata().getNamespace() + "/" + run.getMetadata().getName()).getBytes()).toString());
    run.getMetadata().setGeneration(1L);
    RunModel model;
    try {
      model = new RunModels(validator, OperatorSettings.fromEnvironment()).of(run);
    } catch (InvalidSpecException invalid) {
      err.println(file + " is not a valid IntegrationTestRun:\n  " + String.join("\n  ",
          invalid.errors().stream().map(Object::toString).toList()));
      return 1;
    }
    List<HasMetadata> objects = ManifestPlan.all(model, Credentials.placeholder());
    for (HasMetadata object : objects) {
      out.print(Serialization.asYaml(object));
    }
    out.flush();
    return 0;
  }
}
