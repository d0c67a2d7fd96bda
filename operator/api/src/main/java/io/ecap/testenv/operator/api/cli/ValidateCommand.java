package io.ecap.testenv.operator.api.cli;

import io.ecap.testenv.operator.api.validation.RunFileReader;
import io.ecap.testenv.operator.api.validation.ValidationError;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code validate FILE...}: every error with its field path and exit 1, or {@code valid} and exit 0. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Checks IntegrationTestRun files with the CRD's schema, its CEL rules and the operator's own checks.")
public final class ValidateCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "YAML files, each with one or more IntegrationTestRun documents.")
  private List<Path> files;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RunFileReader reader = RunFileReader.create();
    boolean allValid = true;
    for (Path file : files) {
      List<RunFileReader.Document> documents = reader.read(file);
      for (RunFileReader.Document document : documents) {
        String prefix = file + (documents.size() > 1 ? "#" + (document.index() + 1) : "") + ": ";
        if (document.valid()) {
          out.println(prefix + "valid");
        } else {
          allValid = false;
          for (ValidationError error : document.errors()) {
            out.println(prefix + error);
          }
        }
      }
    }
    out.flush();
    return allValid ? 0 : 1;
  }
}
